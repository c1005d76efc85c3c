import { requirePagePermission } from "@/lib/auth/current";
import { PageHeader } from "@/components/ui/feedback";
import { RulesAdmin } from "@/components/admin/rules-admin";

export const metadata = { title: "Productivity rules · Admin · Timebase" };

export default async function AdminRulesPage() {
  await requirePagePermission("ORG_ADMIN");
  return (
    <>
      <PageHeader title="Productivity rules" description="How the dashboards classify active time." />
      <RulesAdmin />
    </>
  );
}
