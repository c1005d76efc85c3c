import { and, asc, eq, gt, inArray, lte, sql, type SQL } from "drizzle-orm";
import { safeZone } from "@/lib/time/known-zones";
import type { Db } from "@/db/client";
import { timeEntries, timesheets, users, type Timesheet } from "@/db/schema";
import { nowWholeSecond } from "@/base/clock";
import { AppError, notFound } from "@/lib/errors";
import { addDaysToDate, dayStart, weekStartOf } from "@/lib/time/zones";

// Weekly sheets are stored instants (SPEC.md): a sheet keeps the instants its week began and
// ended, fixed when it is created from the owner's zone of that moment. The sheet holding an
// instant, the lock of a write and a sheet's total all use those instants, so a later zone
// change can neither move time into a locked week nor out of it.

export const LOCKED_STATUSES = new Set<Timesheet["status"]>(["PENDING", "IN_REVIEW", "APPROVED"]);
const LOCKED = [...LOCKED_STATUSES];

const ofUser = (orgId: string, userId: string) => and(eq(timesheets.organizationId, orgId), eq(timesheets.userId, userId));
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * The user's sheet holding `instant`, created (or extended) on first use:
 * 1. an existing sheet whose [weekStartedAt, weekEndedAt) holds the instant;
 * 2. otherwise the Monday-based week of `timeZone` holding it, clamped to the neighbouring
 *    sheets so a user's sheets never overlap (a zone change can leave gaps and overlaps);
 * 3. when a sheet of that week-start date already exists elsewhere (a gap left by a zone
 *    change), it is extended to cover the instant, unless it is locked (423), in which case
 *    the write is refused; `mayExtendLocked` lets an admin's write for someone else through,
 *    as it passes every lock.
 */
export async function ensureWeekSheet(
  db: Db,
  orgId: string,
  userId: string,
  instant: Date,
  timeZone: string,
  opts: { mayExtendLocked?: boolean } = {},
): Promise<Timesheet> {
  const at = ts(instant);
  const [holding] = await db
    .select()
    .from(timesheets)
    .where(and(ofUser(orgId, userId), lte(timesheets.weekStartedAt, instant), gt(timesheets.weekEndedAt, instant)));
  if (holding) return holding;

  const weekStart = weekStartOf(instant, timeZone);
  // the gap around the instant between the user's sheets, and the zone's week clamped to it
  const [range] = await db
    .select({
      from: sql<Date>`greatest(${ts(dayStart(weekStart, timeZone))}, max(${timesheets.weekEndedAt}) filter (where ${timesheets.weekEndedAt} <= ${at}))`.mapWith(timesheets.weekStartedAt),
      to: sql<Date>`least(${ts(dayStart(addDaysToDate(weekStart, 7), timeZone))}, min(${timesheets.weekStartedAt}) filter (where ${timesheets.weekStartedAt} > ${at}))`.mapWith(timesheets.weekEndedAt),
    })
    .from(timesheets)
    .where(ofUser(orgId, userId));
  const from = range!.from;
  const to = range!.to;

  const [sameWeek] = await db.select().from(timesheets).where(and(ofUser(orgId, userId), eq(timesheets.weekStart, weekStart)));
  if (!sameWeek) {
    const [created] = await db
      .insert(timesheets)
      .values({ organizationId: orgId, userId, weekStart, weekStartedAt: from, weekEndedAt: to })
      .returning();
    return created!;
  }
  if (!opts.mayExtendLocked) assertSheetEditable(sameWeek);
  // the sheet borders the gap (before or after it): it grows over the gap's part of the week
  if (sameWeek.weekEndedAt.getTime() !== from.getTime() && sameWeek.weekStartedAt.getTime() !== to.getTime()) {
    throw new AppError("conflict", `The timesheet of the week starting ${weekStart} does not border ${instant.toISOString()}; change the time zone back to write there`);
  }
  const [extended] = await db
    .update(timesheets)
    .set({
      weekStartedAt: sameWeek.weekStartedAt < from ? sameWeek.weekStartedAt : from,
      weekEndedAt: sameWeek.weekEndedAt > to ? sameWeek.weekEndedAt : to,
    })
    .where(and(ofUser(orgId, userId), eq(timesheets.id, sameWeek.id)))
    .returning();
  return extended!;
}

/**
 * Makes sure every instant of [start, stop) lies in a sheet of the user (an entry across a
 * week boundary counts in both weeks) and answers the sheet of its start, the entry's
 * `timesheetId` (used for listing only: no total depends on it).
 */
export async function ensureSheetsFor(
  db: Db,
  orgId: string,
  userId: string,
  start: Date,
  stop: Date | null,
  timeZone: string,
  opts: { mayExtendLocked?: boolean } = {},
): Promise<Timesheet> {
  const first = await ensureWeekSheet(db, orgId, userId, start, timeZone, opts);
  let sheet = first;
  // an entry lasts at most 24 hours, so this runs once or twice
  for (let i = 0; stop && sheet.weekEndedAt < stop && i < 8; i++) {
    sheet = await ensureWeekSheet(db, orgId, userId, sheet.weekEndedAt, timeZone, opts);
  }
  return first;
}

/** Refuses a change to an entry of a submitted or approved week (423). */
export function assertSheetEditable(sheet: Pick<Timesheet, "id" | "status" | "weekStart">): void {
  if (LOCKED_STATUSES.has(sheet.status)) {
    throw new AppError("timesheet_locked", `The timesheet of the week starting ${sheet.weekStart} is ${sheet.status} and cannot be changed`, {
      timesheetId: sheet.id,
      status: sheet.status,
    });
  }
}

/**
 * The range of an entry for lock checks: [start, end), a running one up to `at` (whole
 * seconds); an empty range (a timer starting now) is the instant itself.
 */
function entryRange(start: SQL, end: SQL): SQL {
  return sql`tstzrange(${start}, greatest(${end}, ${start}), case when ${end} > ${start} then '[)' else '[]' end)`;
}
const sheetRange = sql`tstzrange(${timesheets.weekStartedAt}, ${timesheets.weekEndedAt}, '[)')`;

/**
 * Refuses (423) a write touching [start, stop) of the user when any submitted or approved
 * sheet of theirs overlaps it by instants; `stop` null is a running entry, up to now.
 */
export async function assertRangeEditable(db: Db, orgId: string, userId: string, start: Date, stop: Date | null): Promise<void> {
  const [locked] = await db
    .select()
    .from(timesheets)
    .where(
      and(
        ofUser(orgId, userId),
        inArray(timesheets.status, LOCKED),
        sql`${sheetRange} && ${entryRange(ts(start), ts(stop ?? nowWholeSecond()))}`,
      ),
    )
    .orderBy(asc(timesheets.weekStartedAt))
    .limit(1);
  if (locked) assertSheetEditable(locked);
}

/**
 * SQL condition on a `time_entries` row: a submitted or approved sheet of its user overlaps
 * it (a running entry up to now). For bulk writes (tasks moving their entries).
 */
export function entryIsLocked(): SQL {
  const end = sql`coalesce(${timeEntries.stoppedAt}, ${ts(nowWholeSecond())})`;
  return sql`exists (select 1 from ${timesheets} where ${timesheets.organizationId} = ${timeEntries.organizationId}
    and ${timesheets.userId} = ${timeEntries.userId} and ${inArray(timesheets.status, LOCKED)}
    and ${sheetRange} && ${entryRange(sql`${timeEntries.startedAt}`, end)})`;
}

/** The first submitted or approved sheet overlapping any entry matching `where`, or null. */
export async function lockedSheetOfEntries(db: Db, where: SQL | undefined): Promise<Timesheet | null> {
  const end = sql`coalesce(${timeEntries.stoppedAt}, ${ts(nowWholeSecond())})`;
  const [row] = await db
    .select({ sheet: timesheets })
    .from(timeEntries)
    .innerJoin(
      timesheets,
      and(
        eq(timesheets.organizationId, timeEntries.organizationId),
        eq(timesheets.userId, timeEntries.userId),
        inArray(timesheets.status, LOCKED),
        sql`${sheetRange} && ${entryRange(sql`${timeEntries.startedAt}`, end)}`,
      ),
    )
    .where(where)
    .limit(1);
  return row?.sheet ?? null;
}

/**
 * Locks the user's row so timer and entry writes of one user run one at a time; answers the
 * user's time zone (read in the same round trip), 404 when the user is not in the organisation.
 */
export async function lockUser(db: Db, orgId: string, userId: string): Promise<{ timeZone: string }> {
  const [u] = await db
    .select({ timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.organizationId, orgId), eq(users.id, userId)))
    .for("update");
  if (!u) throw notFound("User");
  return { timeZone: safeZone(u.timeZone) };
}
