import { requirePagePermission } from "@/lib/auth/current";
import { PageHeader } from "@/components/ui/feedback";
import { UsersAdmin } from "@/components/admin/users-admin";

export const metadata = { title: "Users · Admin · Timebase" };

export default async function AdminUsersPage() {
  const caller = await requirePagePermission("ORG_ADMIN");
  return (
    <>
      <PageHeader title="Users" description="Invite people, change roles, deactivate accounts." />
      <UsersAdmin selfId={caller.userId} timeZone={caller.timeZone} />
    </>
  );
}
