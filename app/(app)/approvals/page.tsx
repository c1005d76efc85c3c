import { requirePagePermission } from "@/lib/auth/current";
import { PageHeader } from "@/components/ui/feedback";
import { ApprovalQueue } from "@/components/approvals/approval-queue";

export const metadata = { title: "Approvals · Timebase" };

// /approvals – the submitted timesheets of the caller's teams (admins: the organisation).
export default async function ApprovalsPage() {
  const caller = await requirePagePermission("CAN_APPROVE_TIMESHEET");
  return (
    <>
      <PageHeader title="Approvals" description={`Submitted timesheets of your teams. Times in ${caller.timeZone.replace(/_/g, " ")}.`} />
      <ApprovalQueue selfId={caller.userId} timeZone={caller.timeZone} />
    </>
  );
}
