import { requirePagePermission } from "@/lib/auth/current";
import { PageHeader } from "@/components/ui/feedback";
import { ProjectsAdmin } from "@/components/admin/projects-admin";

export const metadata = { title: "Projects & tasks · Admin · Timebase" };

export default async function AdminProjectsPage() {
  await requirePagePermission("ORG_ADMIN");
  return (
    <>
      <PageHeader title="Projects & tasks" description="With the external ids of your issue tracker, so agents can clock in by them." />
      <ProjectsAdmin />
    </>
  );
}
