import type { Db } from "@/db/client";
import type { TimeEntry } from "@/db/schema";
import type { Caller } from "@/lib/auth/permissions";
import { audit } from "@/lib/services/platform/audit";
import { isAgentRecorded } from "../entry-sources";

// The agent-entry audit rule: every change of an agent-recorded entry's type, source or times
// is written to the audit log in the transaction of the change.

type AuditedFields = Pick<TimeEntry, "logType" | "source" | "startedAt" | "stoppedAt">;
const auditedView = (e: AuditedFields) => ({
  logType: e.logType,
  source: e.source,
  startedAt: e.startedAt.toISOString(),
  stoppedAt: e.stoppedAt?.toISOString() ?? null,
});

/**
 * Records a change of an agent-recorded entry's type, source or times (after null: deleted),
 * in the transaction of the change, so the entry's history survives any edit.
 */
export async function auditAgentEntry(
  tx: Db,
  caller: Caller,
  action: "time_entry.updated" | "time_entry.trimmed" | "time_entry.deleted",
  before: TimeEntry,
  after: AuditedFields | null,
): Promise<void> {
  if (!isAgentRecorded(before) && !(after && isAgentRecorded(after))) return;
  const b = auditedView(before);
  const a = after && auditedView(after);
  if (a && a.logType === b.logType && a.source === b.source && a.startedAt === b.startedAt && a.stoppedAt === b.stoppedAt) return;
  await audit(tx, caller, action, { type: "time_entry", id: before.id }, { employeeId: before.userId, source: before.source, before: b, after: a });
}

