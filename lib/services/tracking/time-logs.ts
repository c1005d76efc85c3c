import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { timeEntries } from "@/db/schema";
import type { Caller } from "@/lib/auth/permissions";
import { now } from "@/base/clock";
import type { TimeLogCreateBody, TimeLogListQuery, TimeLogUpdateBody } from "@/lib/validation/timesheet";
import { toTimeLog } from "./entry-views";
import { createEntry, deleteEntry, getEntry, resolveProjectTask, updateEntry, type EntryChange } from "./time-entries";
import { assertCallerOrg, inScope, instantRange, userScope } from "@/lib/services/timesheets/scope";

// /api/timesheet time logs: a view of the one time entry. Writes go through the core in ./time-entries,
// which owns overlaps, locks and limits.

export type TimeLog = ReturnType<typeof toTimeLog>;
/** A written log, plus the entries the organisation's "trim" overlap policy cut to make room. */
export type WrittenTimeLog = TimeLog & { changedEntries: EntryChange[] };

/**
 * The logs the caller may see, newest first. A log counts when it overlaps [startDate,
 * endDate) (a running log extends to now and beyond).
 */
export async function listTimeLogs(db: Db, caller: Caller, q: TimeLogListQuery): Promise<{ items: TimeLog[]; total: number }> {
  const scope = await userScope(db, caller, q.employeeId);
  const { from, to } = instantRange(q, caller);
  if (q.projectId || q.taskId) await resolveProjectTask(db, caller.orgId, q.projectId, q.taskId, { field: "taskId" });
  const where = and(
    eq(timeEntries.organizationId, caller.orgId),
    inScope(sql`${timeEntries.userId}`, scope),
    from ? sql`coalesce(${timeEntries.stoppedAt}, 'infinity'::timestamptz) > ${from.toISOString()}::timestamptz` : undefined,
    to ? sql`${timeEntries.startedAt} < ${to.toISOString()}::timestamptz` : undefined,
    q.projectId ? eq(timeEntries.projectId, q.projectId) : undefined,
    q.taskId ? eq(timeEntries.taskId, q.taskId) : undefined,
    q.logType ? eq(timeEntries.logType, q.logType) : undefined,
    q.source ? eq(timeEntries.source, q.source) : undefined,
  );
  const rows = await db
    .select()
    .from(timeEntries)
    .where(where)
    .orderBy(desc(timeEntries.startedAt), desc(timeEntries.id))
    .limit(q.limit)
    .offset((q.page - 1) * q.limit);
  const [total] = await db.select({ n: count() }).from(timeEntries).where(where);
  const at = now();
  return { items: rows.map((e) => toTimeLog(e, at)), total: Number(total?.n ?? 0) };
}

export async function getTimeLog(db: Db, caller: Caller, id: string): Promise<TimeLog> {
  return toTimeLog(await getEntry(db, caller, id, "read"));
}

/** A log for the caller (or, for an admin, for `employeeId`); MANUAL unless told otherwise. */
export async function createTimeLog(db: Db, caller: Caller, body: TimeLogCreateBody): Promise<WrittenTimeLog> {
  assertCallerOrg(caller, body.organizationId);
  const { entry, changed } = await createEntry(db, caller, {
    userId: body.employeeId,
    startedAt: body.startedAt,
    stoppedAt: body.stoppedAt,
    projectId: body.projectId,
    taskId: body.taskId,
    logType: body.logType ?? "MANUAL",
    source: body.source,
    description: body.description,
    isBillable: body.isBillable,
  });
  return { ...toTimeLog(entry), changedEntries: changed };
}

export async function updateTimeLog(db: Db, caller: Caller, id: string, body: TimeLogUpdateBody): Promise<WrittenTimeLog> {
  assertCallerOrg(caller, body.organizationId);
  const { entry, changed } = await updateEntry(db, caller, id, {
    startedAt: body.startedAt,
    stoppedAt: body.stoppedAt,
    projectId: body.projectId,
    taskId: body.taskId,
    logType: body.logType,
    source: body.source,
    description: body.description,
    isBillable: body.isBillable,
  });
  return { ...toTimeLog(entry), changedEntries: changed };
}

/** Deletes a log and answers it as it was. */
export async function deleteTimeLog(db: Db, caller: Caller, id: string): Promise<TimeLog> {
  return toTimeLog(await deleteEntry(db, caller, id));
}
