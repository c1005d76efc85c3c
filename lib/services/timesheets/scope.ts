import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { timeEntries } from "@/db/schema";
import { assertUsersReadable, readableUserIds, type Caller } from "@/lib/auth/permissions";
import { invalidField, notFound } from "@/lib/errors";
import { addDaysToDate, localDate, mondayOf } from "@/lib/time/zones";
import { endInstant, startInstant, startDay, endDay, daysFromTo, type DateInput } from "@/lib/time/ranges";
import { entryOverlaps, sumEntrySeconds } from "@/lib/services/tracking/time-entries";
import { uuidArray } from "@/db/sql";

// What every /api/timesheet read shares: whose rows the caller may see, and which range.

/** `organizationId` in a body is accepted for the seed's sake but must be the caller's own (else 404). */
export function assertCallerOrg(caller: Caller, organizationId: string | undefined): void {
  if (organizationId !== undefined && organizationId !== caller.orgId) throw notFound("Organization");
}

/**
 * The users a read covers: the requested ones after checking each is in the organisation
 * (404) and readable (403); without a request, everyone the caller may read (null: the
 * whole organisation, for admins).
 */
export async function userScope(db: Db, caller: Caller, employeeIds: string[] | undefined): Promise<string[] | null> {
  if (employeeIds && employeeIds.length > 0) {
    await assertUsersReadable(db, caller, employeeIds);
    return [...new Set(employeeIds)];
  }
  return readableUserIds(db, caller);
}


/** `column = any(ids)`, or true when the scope is the whole organisation. */
export function inScope(column: SQL, scope: string[] | null): SQL {
  return scope === null ? sql`true` : sql`${column} = any(${uuidArray(scope)})`;
}

export interface RangeParams {
  startDate?: DateInput;
  endDate?: DateInput;
  timeZone?: string;
}

export interface InstantRange {
  from: Date | null;
  to: Date | null;
  tz: string;
}

function checkOrder(from: Date | null, to: Date | null): void {
  if (from && to && to.getTime() <= from.getTime()) throw invalidField("endDate", "must be after startDate");
}

/** Half-open [from, to) of the request; either end may be open. */
export function instantRange(q: RangeParams, caller: Caller): InstantRange {
  const tz = q.timeZone ?? caller.timeZone;
  const from = q.startDate ? startInstant(q.startDate, tz) : null;
  const to = q.endDate ? endInstant(q.endDate, tz) : null;
  checkOrder(from, to);
  return { from, to, tz };
}

export interface DayRange {
  firstDay: string;
  lastDay: string;
  tz: string;
}

/**
 * The calendar days (in the request's zone) a range covers, both inclusive. Without
 * dates: the current Monday-to-Sunday week; with only one end, that end's week.
 */
export function dayRange(q: RangeParams, caller: Caller, at: Date, maxDays?: number): DayRange {
  const tz = q.timeZone ?? caller.timeZone;
  checkOrder(q.startDate ? startInstant(q.startDate, tz) : null, q.endDate ? endInstant(q.endDate, tz) : null);
  const anchor = q.startDate ? startDay(q.startDate, tz) : q.endDate ? endDay(q.endDate, tz) : localDate(at, tz);
  const firstDay = q.startDate ? startDay(q.startDate, tz) : mondayOf(anchor);
  const lastDay = q.endDate ? endDay(q.endDate, tz) : addDaysToDate(mondayOf(anchor), 6);
  if (lastDay < firstDay) throw invalidField("endDate", "must not be before startDate");
  if (maxDays && daysFromTo(firstDay, lastDay) + 1 > maxDays) throw invalidField("endDate", `the range may span at most ${maxDays} days`);
  return { firstDay, lastDay, tz };
}

/**
 * Whole seconds the scoped users' entries cover inside [from, to) (running entries count
 * up to `at`); each entry is clipped to the range and floored to whole seconds.
 */
export async function clippedSeconds(db: Db, orgId: string, scope: string[] | null, from: Date, to: Date, at: Date): Promise<number> {
  const [r] = await db
    .select({ seconds: sumEntrySeconds(at, from, to) })
    .from(timeEntries)
    .where(and(eq(timeEntries.organizationId, orgId), inScope(sql`${timeEntries.userId}`, scope), entryOverlaps(from, to, at)));
  return r?.seconds ?? 0;
}
