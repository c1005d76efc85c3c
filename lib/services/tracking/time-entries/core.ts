import { and, asc, count, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { timeEntries, type TimeEntry } from "@/db/schema";
import { now, nowWholeSecond, wholeSecond } from "@/base/clock";
import { AppError, forbidden, invalidField, notFound } from "@/lib/errors";
import { isExclusionViolation, isUniqueViolation } from "@/lib/db-errors";
import { assertUserAccess, isAdmin, type Caller } from "@/lib/auth/permissions";
import { loadOrgSettings } from "@/lib/services/organizations/settings";
import { projectInOrg } from "../projects";
import { taskInOrg } from "../tasks";
import { isAgentRecorded } from "../entry-sources";
import { assertRangeEditable, assertSheetEditable, ensureSheetsFor, entryIsLocked, lockedSheetOfEntries, lockUser } from "@/lib/services/timesheets/weeks";
import { inTx } from "@/lib/services/platform/tx";
import { auditAgentEntry } from "./audit";
import { insertEntry } from "./insert";

// The one write path for time entries: /v1 time tracks, /api/timesheet time logs and the
// timer all come through here, so overlaps, locks, limits and timesheets agree everywhere.
// Instants are whole seconds (SPEC.md): every instant written here, given or "now", is
// truncated to its second first (`wholeSecond`), so every sum at any grouping agrees.

export type LogType = TimeEntry["logType"];
export type LogSource = TimeEntry["source"];

export const MAX_ENTRY_SECONDS = 24 * 3600;
/** Clocks of agents drift; an instant this close to "now" is not "in the future". */
export const FUTURE_SKEW_MS = 60_000;

export interface EntryFields {
  startedAt: Date;
  stoppedAt: Date | null;
  projectId?: string | null;
  taskId?: string | null;
  logType?: LogType;
  source?: LogSource;
  description?: string | null;
  isBillable?: boolean;
}

export interface EntryChange {
  id: string;
  action: "trimmed" | "deleted" | "stopped";
  startedAt: string;
  stoppedAt: string | null;
}

export interface WriteResult {
  entry: TimeEntry;
  /** Entries the organisation's "trim" overlap policy cut to make room. */
  changed: EntryChange[];
}

function checkTimes(startedAt: Date, stoppedAt: Date | null): void {
  const t = now().getTime() + FUTURE_SKEW_MS;
  if (Number.isNaN(startedAt.getTime())) throw invalidField("startedAt", "must be a valid date-time");
  if (startedAt.getTime() > t) throw invalidField("startedAt", "must not be in the future");
  if (!stoppedAt) return;
  if (Number.isNaN(stoppedAt.getTime())) throw invalidField("stoppedAt", "must be a valid date-time");
  if (stoppedAt.getTime() <= startedAt.getTime()) throw invalidField("stoppedAt", (name) => `must be after ${name("startedAt")}`);
  if (stoppedAt.getTime() > t) throw invalidField("stoppedAt", "must not be in the future");
  if (stoppedAt.getTime() - startedAt.getTime() > MAX_ENTRY_SECONDS * 1000) {
    throw invalidField("stoppedAt", "an entry may last at most 24 hours");
  }
}

/**
 * Checks the project and task belong to the organisation (404 otherwise) and to each
 * other; a task without a project given brings its own project.
 */
export async function resolveProjectTask(
  db: Db,
  orgId: string,
  projectId: string | null | undefined,
  taskId: string | null | undefined,
  opts: { requireOpenTask?: boolean; /** the (domain) field the task id came in, for a 422 */ field?: string } = {},
): Promise<{ projectId: string | null; taskId: string | null }> {
  const pid = projectId ?? null;
  if (pid) await projectInOrg(db, orgId, pid);
  if (!taskId) return { projectId: pid, taskId: null };
  const t = await taskInOrg(db, orgId, taskId);
  if (pid && t.projectId !== pid) throw invalidField(opts.field ?? "taskId", "the task does not belong to the given project");
  if (opts.requireOpenTask && t.status === "closed") throw new AppError("task_closed", "The task is closed and cannot be tracked");
  return { projectId: pid ?? t.projectId, taskId };
}

/** The user's entries whose span meets [start, stop) (stop null: open-ended), oldest first. */
export async function overlappingEntries(
  db: Db,
  orgId: string,
  userId: string,
  start: Date,
  stop: Date | null,
  excludeId?: string,
): Promise<TimeEntry[]> {
  return db
    .select()
    .from(timeEntries)
    .where(
      and(
        eq(timeEntries.organizationId, orgId),
        eq(timeEntries.userId, userId),
        excludeId ? ne(timeEntries.id, excludeId) : undefined,
        sql`tstzrange(${timeEntries.startedAt}, coalesce(${timeEntries.stoppedAt}, 'infinity'::timestamptz), '[)') && tstzrange(${start.toISOString()}::timestamptz, coalesce(${stop?.toISOString() ?? null}::timestamptz, 'infinity'::timestamptz), '[)')`,
      ),
    )
    .orderBy(timeEntries.startedAt);
}

function overlapError(other: TimeEntry): AppError {
  return new AppError(
    "time_entry_overlap",
    `The entry overlaps entry ${other.id} (${other.startedAt.toISOString()} – ${other.stoppedAt?.toISOString() ?? "running"})`,
    {
      conflictingEntryId: other.id,
      conflictingEntry: { id: other.id, startedAt: other.startedAt.toISOString(), stoppedAt: other.stoppedAt?.toISOString() ?? null },
    },
  );
}

/** Makes room for [start, stop) under the organisation's overlap policy, or refuses (409). */
async function resolveOverlaps(
  db: Db,
  caller: Caller,
  userId: string,
  start: Date,
  stop: Date | null,
  excludeId: string | undefined,
): Promise<EntryChange[]> {
  const orgId = caller.orgId;
  const collisions = await overlappingEntries(db, orgId, userId, start, stop, excludeId);
  if (collisions.length === 0) return [];
  if ((await loadOrgSettings(db, orgId)).overlapPolicy === "reject") throw overlapError(collisions[0]!);
  const changes: EntryChange[] = [];
  const end = stop ?? new Date(8.64e15);
  for (const e of collisions) {
    await assertEntryEditable(db, caller, e);
    const eEnd = e.stoppedAt ?? new Date(8.64e15);
    const where = and(eq(timeEntries.organizationId, orgId), eq(timeEntries.id, e.id));
    if (e.startedAt < start) {
      // keep the part before the new entry (a running one is stopped there)
      await db.update(timeEntries).set({ stoppedAt: start, updatedAt: now() }).where(where);
      await auditAgentEntry(db, caller, "time_entry.trimmed", e, { ...e, stoppedAt: start });
      changes.push({ id: e.id, action: e.stoppedAt ? "trimmed" : "stopped", startedAt: e.startedAt.toISOString(), stoppedAt: start.toISOString() });
      if (eEnd > end) throw overlapError(e); // the new entry sits inside an older one: cutting it in two is not a trim
    } else if (eEnd > end) {
      await db.update(timeEntries).set({ startedAt: end, updatedAt: now() }).where(where);
      await auditAgentEntry(db, caller, "time_entry.trimmed", e, { ...e, startedAt: end });
      changes.push({ id: e.id, action: "trimmed", startedAt: end.toISOString(), stoppedAt: e.stoppedAt?.toISOString() ?? null });
    } else {
      await db.delete(timeEntries).where(where);
      await auditAgentEntry(db, caller, "time_entry.deleted", e, null);
      changes.push({ id: e.id, action: "deleted", startedAt: e.startedAt.toISOString(), stoppedAt: e.stoppedAt?.toISOString() ?? null });
    }
  }
  return changes;
}

/** Whether the caller may change entries in a locked (submitted/approved) week: only an admin, for someone else. */
function bypassesLock(caller: Caller, ownerId: string): boolean {
  return isAdmin(caller) && caller.userId !== ownerId;
}

/** Refuses (423) a change to an entry any submitted or approved sheet of its owner overlaps. */
async function assertEntryEditable(db: Db, caller: Caller, e: Pick<TimeEntry, "userId" | "startedAt" | "stoppedAt">): Promise<void> {
  if (bypassesLock(caller, e.userId)) return;
  await assertRangeEditable(db, caller.orgId, e.userId, e.startedAt, e.stoppedAt);
}

async function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await inTx(db, fn);
  } catch (err) {
    // The exclusion constraint is the backstop for races the pre-check cannot see.
    if (isExclusionViolation(err)) throw new AppError("time_entry_overlap", "The entry overlaps another entry of the same user");
    if (isUniqueViolation(err, "time_entries_one_running_uq")) throw new AppError("timer_already_running", "A timer is already running for this user");
    throw err;
  }
}

/** Creates an entry for `userId` (default: the caller). Only admins write for others. */
export async function createEntry(
  db: Db,
  caller: Caller,
  input: EntryFields & { userId?: string },
): Promise<WriteResult> {
  const userId = input.userId ?? caller.userId;
  if (userId !== caller.userId) await assertUserAccess(db, caller, userId, "write");
  const startedAt = wholeSecond(input.startedAt);
  const stoppedAt = input.stoppedAt && wholeSecond(input.stoppedAt);
  checkTimes(startedAt, stoppedAt);
  return inTransaction(db, async (tx) => {
    const { timeZone } = await lockUser(tx, caller.orgId, userId);
    const refs = await resolveProjectTask(tx, caller.orgId, input.projectId, input.taskId);
    await assertEntryEditable(tx, caller, { userId, startedAt, stoppedAt });
    const sheet = await ensureSheetsFor(tx, caller.orgId, userId, startedAt, stoppedAt, timeZone, { mayExtendLocked: bypassesLock(caller, userId) });
    const changed = await resolveOverlaps(tx, caller, userId, startedAt, stoppedAt, undefined);
    const entry = await insertEntry(tx, caller, {
      userId,
      projectId: refs.projectId,
      taskId: refs.taskId,
      timesheetId: sheet.id,
      startedAt,
      stoppedAt,
      logType: input.logType ?? "MANUAL",
      source: input.source ?? "WEB_TIMER",
      description: input.description ?? null,
      isBillable: input.isBillable ?? false,
    });
    return { entry, changed };
  });
}

/** An entry of the caller's organisation that the caller may read, or 404/403. */
export async function getEntry(db: Db, caller: Caller, id: string, mode: "read" | "write" = "read"): Promise<TimeEntry> {
  const [e] = await db.select().from(timeEntries).where(and(eq(timeEntries.organizationId, caller.orgId), eq(timeEntries.id, id)));
  if (!e) throw notFound("Time entry");
  if (e.userId !== caller.userId) await assertUserAccess(db, caller, e.userId, mode);
  return e;
}

export type EntryPatch = Partial<EntryFields>;

const sameInstant = (a: Date | null | undefined, b: Date | null) => (a ? a.getTime() : a) === (b ? b.getTime() : b);

/** Whether the patch changes anything but the entry's type and source. */
function changesMoreThanType(current: TimeEntry, patch: EntryPatch): boolean {
  return (
    (patch.startedAt !== undefined && !sameInstant(patch.startedAt, current.startedAt)) ||
    (patch.stoppedAt !== undefined && !sameInstant(patch.stoppedAt, current.stoppedAt)) ||
    (patch.projectId !== undefined && patch.projectId !== current.projectId) ||
    (patch.taskId !== undefined && patch.taskId !== current.taskId) ||
    (patch.description !== undefined && patch.description !== current.description) ||
    (patch.isBillable !== undefined && patch.isBillable !== current.isBillable)
  );
}

/**
 * Who may apply the patch: the owner and admins change an entry (a manager may not). The type
 * (and source) of an entry an agent recorded is an approver's to change: an admin, or a manager
 * of one of the owner's teams; never its owner, who could otherwise turn IDLE into TRACKED.
 */
async function assertMayPatch(db: Db, caller: Caller, current: TimeEntry, patch: EntryPatch): Promise<void> {
  const reclassifies =
    isAgentRecorded(current) &&
    ((patch.logType !== undefined && patch.logType !== current.logType) || (patch.source !== undefined && patch.source !== current.source));
  if (reclassifies) {
    if (current.userId === caller.userId) {
      throw forbidden(
        `The type of an entry recorded by an agent (${current.source}) is changed by an approver (a manager of your team or an admin), not by its owner`,
      );
    }
    await assertUserAccess(db, caller, current.userId, "approve");
    if (!changesMoreThanType(current, patch)) return;
  }
  if (current.userId !== caller.userId) await assertUserAccess(db, caller, current.userId, "write");
}

export async function updateEntry(db: Db, caller: Caller, id: string, patch: EntryPatch): Promise<WriteResult> {
  return inTransaction(db, async (tx) => {
    const current = await getEntry(tx, caller, id, "read");
    await assertMayPatch(tx, caller, current, patch);
    const { timeZone } = await lockUser(tx, caller.orgId, current.userId);
    await assertEntryEditable(tx, caller, current);
    const startedAt = patch.startedAt ? wholeSecond(patch.startedAt) : current.startedAt;
    const stoppedAt = patch.stoppedAt === undefined ? current.stoppedAt : patch.stoppedAt && wholeSecond(patch.stoppedAt);
    if (current.stoppedAt && stoppedAt === null) throw invalidField("stoppedAt", "a stopped entry cannot be restarted");
    checkTimes(startedAt, stoppedAt);
    const refs =
      patch.projectId !== undefined || patch.taskId !== undefined
        ? await resolveProjectTask(
            tx,
            caller.orgId,
            patch.projectId === undefined ? (patch.taskId ? undefined : current.projectId) : patch.projectId,
            patch.taskId === undefined ? current.taskId : patch.taskId,
          )
        : { projectId: current.projectId, taskId: current.taskId };
    // both the old range (checked above) and the new one must be editable
    await assertEntryEditable(tx, caller, { userId: current.userId, startedAt, stoppedAt });
    const sheet = await ensureSheetsFor(tx, caller.orgId, current.userId, startedAt, stoppedAt, timeZone, {
      mayExtendLocked: bypassesLock(caller, current.userId),
    });
    const changed = await resolveOverlaps(tx, caller, current.userId, startedAt, stoppedAt, current.id);
    const [entry] = await tx
      .update(timeEntries)
      .set({
        startedAt,
        stoppedAt,
        projectId: refs.projectId,
        taskId: refs.taskId,
        timesheetId: sheet.id,
        logType: patch.logType ?? current.logType,
        source: patch.source ?? current.source,
        description: patch.description === undefined ? current.description : patch.description,
        isBillable: patch.isBillable ?? current.isBillable,
        updatedAt: now(),
      })
      .where(and(eq(timeEntries.organizationId, caller.orgId), eq(timeEntries.id, id)))
      .returning();
    await auditAgentEntry(tx, caller, "time_entry.updated", current, entry!);
    return { entry: entry!, changed };
  });
}

export async function deleteEntry(db: Db, caller: Caller, id: string): Promise<TimeEntry> {
  return inTransaction(db, async (tx) => {
    const current = await getEntry(tx, caller, id, "write");
    await assertEntryEditable(tx, caller, current);
    await tx.delete(timeEntries).where(and(eq(timeEntries.organizationId, caller.orgId), eq(timeEntries.id, id)));
    await auditAgentEntry(tx, caller, "time_entry.deleted", current, null);
    return current;
  });
}

export async function runningEntry(db: Db, orgId: string, userId: string): Promise<TimeEntry | null> {
  const [e] = await db
    .select()
    .from(timeEntries)
    .where(and(eq(timeEntries.organizationId, orgId), eq(timeEntries.userId, userId), isNull(timeEntries.stoppedAt)));
  return e ?? null;
}

export interface StartInput {
  projectId?: string | null;
  taskId?: string | null;
  description?: string | null;
  source?: LogSource;
  logType?: LogType;
  isBillable?: boolean;
  /**
   * What to do when a timer already runs: "switch" stops it at the same instant and starts
   * the new one (the /v1 task start); "refuse" answers 409 timer_already_running (/api timer).
   */
  whenRunning: "switch" | "refuse";
}

export interface StartResult {
  entry: TimeEntry;
  stopped: TimeEntry | null;
}

/** A timer stopped after more than 24 hours keeps 24 hours (the entry limit); the rest was not tracked. */
function stopInstant(e: TimeEntry, at: Date): Date {
  const cap = e.startedAt.getTime() + MAX_ENTRY_SECONDS * 1000;
  return new Date(Math.min(at.getTime(), cap));
}

export async function startTimer(db: Db, caller: Caller, input: StartInput): Promise<StartResult> {
  return inTransaction(db, async (tx) => {
    // One timer operation per user at a time: concurrent starts queue here.
    const { timeZone } = await lockUser(tx, caller.orgId, caller.userId);
    const refs = await resolveProjectTask(tx, caller.orgId, input.projectId, input.taskId, { requireOpenTask: true });
    const at = nowWholeSecond();
    let stopped: TimeEntry | null = null;
    const running = await runningEntry(tx, caller.orgId, caller.userId);
    if (running) {
      if (input.whenRunning === "refuse") {
        throw new AppError("timer_already_running", `A timer is already running (entry ${running.id})`, {
          runningEntryId: running.id,
          running: { id: running.id, startedAt: running.startedAt.toISOString(), projectId: running.projectId, taskId: running.taskId },
        });
      }
      stopped = await stopEntry(tx, running, at);
    }
    const startAt = stopped?.stoppedAt && stopped.stoppedAt > at ? stopped.stoppedAt : at;
    await assertRangeEditable(tx, caller.orgId, caller.userId, startAt, startAt);
    const sheet = await ensureSheetsFor(tx, caller.orgId, caller.userId, startAt, null, timeZone);
    const entry = await insertEntry(tx, caller, {
      userId: caller.userId,
      projectId: refs.projectId,
      taskId: refs.taskId,
      timesheetId: sheet.id,
      startedAt: startAt,
      stoppedAt: null,
      logType: input.logType ?? "TRACKED",
      source: input.source ?? "WEB_TIMER",
      description: input.description ?? null,
      isBillable: input.isBillable ?? false,
    });
    return { entry, stopped };
  });
}

async function stopEntry(tx: Db, running: TimeEntry, at: Date): Promise<TimeEntry | null> {
  const where = and(eq(timeEntries.organizationId, running.organizationId), eq(timeEntries.id, running.id));
  const stopAt = wholeSecond(stopInstant(running, at));
  if (stopAt.getTime() <= running.startedAt.getTime()) {
    // started and stopped within the same second: nothing was tracked
    await tx.delete(timeEntries).where(where);
    return null;
  }
  await assertRangeEditable(tx, running.organizationId, running.userId, running.startedAt, stopAt);
  const [stopped] = await tx.update(timeEntries).set({ stoppedAt: stopAt, updatedAt: now() }).where(where).returning();
  return stopped!;
}

/** Stops the caller's running timer; 409 timer_not_running when none runs. */
export async function stopTimer(db: Db, caller: Caller, opts: { taskId?: string } = {}): Promise<TimeEntry> {
  return inTransaction(db, async (tx) => {
    await lockUser(tx, caller.orgId, caller.userId);
    const running = await runningEntry(tx, caller.orgId, caller.userId);
    if (!running || (opts.taskId && running.taskId !== opts.taskId)) {
      throw new AppError("timer_not_running", opts.taskId ? "No timer is running for this task" : "No timer is running");
    }
    const stopped = await stopEntry(tx, running, nowWholeSecond());
    if (!stopped) throw new AppError("timer_not_running", "The timer had not run for a measurable time and was discarded");
    return stopped;
  });
}

/** Locks every user with entries of the task (in id order, so two such writes cannot deadlock). */
async function lockOwnersOfTask(tx: Db, orgId: string, taskId: string): Promise<void> {
  const owners = await tx
    .selectDistinct({ userId: timeEntries.userId })
    .from(timeEntries)
    .where(and(eq(timeEntries.organizationId, orgId), eq(timeEntries.taskId, taskId)))
    .orderBy(asc(timeEntries.userId));
  for (const { userId } of owners) await lockUser(tx, orgId, userId);
}

/**
 * Points the task's entries at `projectId` (null: standalone), inside the caller's transaction
 * that moves the task. An entry any submitted or approved sheet of its owner overlaps (by
 * instants) keeps the project it was submitted under: the lock protects it from every side door.
 */
export async function reassignTaskEntries(tx: Db, caller: Caller, taskId: string, projectId: string | null, at: Date = now()): Promise<void> {
  await lockOwnersOfTask(tx, caller.orgId, taskId);
  await tx
    .update(timeEntries)
    .set({ projectId, updatedAt: at })
    .where(and(eq(timeEntries.organizationId, caller.orgId), eq(timeEntries.taskId, taskId), sql`not ${entryIsLocked()}`));
}

/**
 * Deletes every entry of the task, inside the caller's transaction that deletes the task.
 * Other people's time needs an admin (403); an entry of a submitted or approved week blocks the
 * deletion (423), except other people's entries for an admin, as for any entry.
 * Returns the ids deleted and those of them an agent recorded (evidence the audit names).
 */
export async function deleteTaskEntries(tx: Db, caller: Caller, taskId: string): Promise<{ deleted: string[]; agentRecorded: string[] }> {
  const ofTask = and(eq(timeEntries.organizationId, caller.orgId), eq(timeEntries.taskId, taskId));
  if (!isAdmin(caller)) {
    const [others] = await tx.select({ n: count() }).from(timeEntries).where(and(ofTask, ne(timeEntries.userId, caller.userId)));
    if (others!.n > 0) throw new AppError("forbidden", "The task holds other people's time tracks; only an admin may delete it");
  }
  await lockOwnersOfTask(tx, caller.orgId, taskId);
  const locked = await lockedSheetOfEntries(tx, and(ofTask, isAdmin(caller) ? eq(timeEntries.userId, caller.userId) : undefined));
  if (locked) assertSheetEditable(locked);
  const deleted = await tx.delete(timeEntries).where(ofTask).returning({ id: timeEntries.id, source: timeEntries.source });
  return { deleted: deleted.map((e) => e.id), agentRecorded: deleted.filter(isAgentRecorded).map((e) => e.id) };
}
