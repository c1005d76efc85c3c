import { requirePagePermission } from "@/lib/auth/current";
import { PageHeader } from "@/components/ui/feedback";
import { TeamsAdmin } from "@/components/admin/teams-admin";

export const metadata = { title: "Teams · Admin · Timebase" };

export default async function AdminTeamsPage() {
  await requirePagePermission("ORG_ADMIN");
  return (
    <>
      <PageHeader title="Teams" description="Managers approve their teams' timesheets and read their dashboards and screenshots." />
      <TeamsAdmin />
    </>
  );
}
