import type { Db } from "@/db/client";
import { timeEntries, type TimeEntry } from "@/db/schema";
import type { Caller } from "@/lib/auth/permissions";

/** The row an insert writes: the owner, project/task refs, the sheet and the fields of the entry. */
export interface NewEntry {
  userId: string;
  projectId: string | null;
  taskId: string | null;
  timesheetId: string;
  startedAt: Date;
  stoppedAt: Date | null;
  logType: TimeEntry["logType"];
  source: TimeEntry["source"];
  description: string | null;
  isBillable: boolean;
}

/** The one INSERT into time_entries: the caller has locked the user and checked every rule. */
export async function insertEntry(tx: Db, caller: Caller, row: NewEntry): Promise<TimeEntry> {
  const [entry] = await tx
    .insert(timeEntries)
    .values({ organizationId: caller.orgId, ...row })
    .returning();
  return entry!;
}
