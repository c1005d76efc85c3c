import { Providers } from "@/components/providers";
import { AppNav } from "@/components/layout/app-nav";
import { personName } from "@/components/format/person";
import { requireCaller } from "@/lib/auth/current";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/db/client";
import { profilePicUrlOf, userInOrg } from "@/lib/services/accounts";

export const dynamic = "force-dynamic";

// The signed-in app: navigation shows each person only what their role allows.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const caller = await requireCaller();
  const me = await userInOrg(await getDb(), caller.orgId, caller.userId);
  const user = {
    name: personName(caller),
    pictureUrl: profilePicUrlOf(me),
    email: caller.email,
    isAdmin: hasPermission(caller, "ORG_ADMIN"),
    isApprover: hasPermission(caller, "CAN_APPROVE_TIMESHEET"),
  };
  const signOut = (
    <a href="/sign-out" className="block rounded-md px-3 py-2 text-sm hover:bg-muted">
      Sign out
    </a>
  );
  return (
    <Providers>
      <div className="flex min-h-screen flex-col md:flex-row">
        <AppNav user={user} signOut={signOut} />
        <main className="min-w-0 flex-1 px-4 py-6 md:px-8">{children}</main>
      </div>
    </Providers>
  );
}
