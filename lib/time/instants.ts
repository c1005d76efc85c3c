import { z } from "zod";
import { isCalendarDay } from "./calendar";
import { localClock, localDate } from "./zones";

export { isCalendarDay } from "./calendar";

// The one home of the accepted range of instants and dates (SPEC.md: "Accepted instants lie
// between 1970-01-01 and 2100-01-01 UTC"). Both ends are inclusive, so a range's exclusive
// end may be exactly 2100-01-01T00:00:00Z. Calendar dates and wall-clock times (read in some
// zone) must lie in the years 1970 to 2099: the end of 2099-12-31 is then the latest day end.
//
// Outside it, years 1–99 were read back as 19xx by the drivers, years 13–31 broke every list
// that held the row, and dates near the end of JavaScript's Date (8.64e15 ms, year 275760)
// overflowed date arithmetic: all 500s. Every schema reading an instant or date uses the
// pieces below, so a value out of range is a 422 naming its field.

export const MIN_INSTANT = new Date("1970-01-01T00:00:00Z");
export const MAX_INSTANT = new Date("2100-01-01T00:00:00Z");
export const MIN_MS = MIN_INSTANT.getTime();
export const MAX_MS = MAX_INSTANT.getTime();
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2099;

export const RANGE_MESSAGE = "must lie between 1970-01-01T00:00:00Z and 2100-01-01T00:00:00Z";
export const DAY_RANGE_MESSAGE = "must lie between 1970-01-01 and 2099-12-31";

export function isInstantInRange(d: Date): boolean {
  const t = d.getTime();
  return Number.isFinite(t) && t >= MIN_MS && t <= MAX_MS;
}

/** A YYYY-MM-DD (or the date part of a wall-clock time) within the accepted years. */
export function isDayInRange(day: string): boolean {
  const y = Number(day.slice(0, 4));
  return /^\d{4}-/.test(day) && y >= MIN_YEAR && y <= MAX_YEAR;
}

/** A Date that is in range; otherwise the value is refused with the range message. */
const inRange = (d: Date) => isInstantInRange(d);

/** An instant: ISO 8601 with Z or an offset (e.g. 2026-01-15T09:00:00Z), within the range. */
export const instantSchema = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 date-time with a time zone (e.g. 2026-01-15T09:00:00Z)" })
  .transform((s) => new Date(s))
  .refine(inRange, { message: RANGE_MESSAGE });

/** /v1's Unix time in milliseconds (a number, or a numeric string in a query), within the range. */
export const epochMsSchema = z.coerce
  .number({ message: "must be Unix time in milliseconds" })
  .int("must be Unix time in whole milliseconds")
  .min(MIN_MS, RANGE_MESSAGE)
  .max(MAX_MS, RANGE_MESSAGE);

/** A calendar day YYYY-MM-DD within 1970-01-01..2099-12-31. */
export const dateOnlySchema = z
  .string({ message: "must be a date (YYYY-MM-DD)" })
  .refine(isCalendarDay, { message: "must be a date (YYYY-MM-DD)" })
  .refine(isDayInRange, { message: DAY_RANGE_MESSAGE });

// ---- the dashboards' wall-clock-or-instant form (issue 14) -------------------------------------

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** A real calendar date and time of day, as "YYYY-MM-DD HH:mm:ss" (or with T). */
export function isWallClock(s: string): boolean {
  const m = WALL_CLOCK.exec(s);
  if (!m) return false;
  const [h, mi, se] = [Number(m[4]), Number(m[5]), Number(m[6])];
  return isCalendarDay(s.slice(0, 10)) && h <= 23 && mi <= 59 && se <= 59;
}

/** A wall-clock time in the request's zone, or an instant the service turns into one. */
export type WallOrInstant = { wall: string } | { instant: Date };

export const WALL_OR_INSTANT_DESCRIPTION =
  "A wall-clock time YYYY-MM-DD HH:mm:ss read in timeZone, or an RFC 3339 instant with Z or an offset (2026-02-02T00:00:00Z, 2026-02-02T00:00:00.000+05:30), taken as that instant; between 1970 and 2100";

/**
 * The dashboards' startDate/endDate: "YYYY-MM-DD HH:mm:ss" in timeZone (as the seeds send it)
 * or an RFC 3339 instant. The object schema turns an instant into the wall clock of its zone
 * (toWallClock), so the services keep reading wall-clock times.
 */
export const wallClockOrInstantSchema = z
  .string({ message: "must be a string" })
  .superRefine((s, ctx) => {
    if (isWallClock(s)) {
      if (!isDayInRange(s)) ctx.addIssue({ code: "custom", message: DAY_RANGE_MESSAGE });
      return;
    }
    const instant = instantSchema.safeParse(s);
    if (instant.success) return;
    const formatOk = z.iso.datetime({ offset: true }).safeParse(s).success;
    ctx.addIssue({
      code: "custom",
      message: formatOk ? RANGE_MESSAGE : "must be a wall-clock time as YYYY-MM-DD HH:mm:ss or an RFC 3339 instant (2026-02-02T00:00:00Z)",
    });
  })
  .transform((s): WallOrInstant => (isWallClock(s) ? { wall: s.replace("T", " ") } : { instant: new Date(s) }))
  .describe(WALL_OR_INSTANT_DESCRIPTION);

/** The wall clock ("YYYY-MM-DD HH:mm:ss") of a wall-or-instant value in a zone; fractions of a second are dropped. */
export function toWallClock(v: WallOrInstant, tz: string): string {
  if ("wall" in v) return v.wall;
  return `${localDate(v.instant, tz)} ${localClock(v.instant, tz)}`;
}
