import { requirePagePermission } from "@/lib/auth/current";
import { PageHeader } from "@/components/ui/feedback";
import { SessionsAdmin } from "@/components/admin/sessions-admin";

export const metadata = { title: "Sessions · Admin · Timebase" };

export default async function AdminSessionsPage() {
  const caller = await requirePagePermission("ORG_ADMIN");
  return (
    <>
      <PageHeader title="Active sessions" description={`Web sign-ins, API logins and API-key sessions. Times in ${caller.timeZone.replace(/_/g, " ")}.`} />
      <SessionsAdmin currentSessionId={caller.sessionId} timeZone={caller.timeZone} />
    </>
  );
}
