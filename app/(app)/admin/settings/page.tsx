import { requirePagePermission } from "@/lib/auth/current";
import { PageHeader } from "@/components/ui/feedback";
import { SettingsAdmin } from "@/components/admin/settings-admin";
import { timeZoneOptions } from "@/components/team/time-zones";

export const metadata = { title: "Settings · Admin · Timebase" };

export default async function AdminSettingsPage() {
  const caller = await requirePagePermission("ORG_ADMIN");
  return (
    <>
      <PageHeader title="Settings" description="The organisation's details, overlap policy and screenshot privacy." />
      <SettingsAdmin orgId={caller.orgId} timeZones={timeZoneOptions([caller.timeZone])} />
    </>
  );
}
