import { z } from "zod";
import { addDaysToDate, isRealDay } from "./calendar";
import { RANGE_MESSAGE, isDayInRange, isInstantInRange } from "./instants";
import { dayStart, localDate, zonedToInstant } from "./zones";

// The range parameters of the /api/timesheet family (startDate, endDate). A value is one of
//   - a calendar date "YYYY-MM-DD": that whole day in the request's time zone
//     (startDate from its midnight, endDate through the end of the day);
//   - a local date-time "YYYY-MM-DDTHH:mm[:ss[.sss]]" without offset: that wall-clock
//     time in the request's time zone;
//   - an ISO instant with "Z" or an offset: exactly that instant.
// The resolved range is half-open, [from, to): an endDate date-time is exclusive.

export type DateInput =
  | { kind: "date"; day: string }
  | { kind: "local"; local: string }
  | { kind: "instant"; at: Date };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Whether a parsed value lies in the accepted range (lib/time/instants.ts): days and local times in 1970–2099. */
export function isDateInputInRange(v: DateInput): boolean {
  if (v.kind === "date") return isDayInRange(v.day);
  if (v.kind === "local") return isDayInRange(v.local);
  return isInstantInRange(v.at);
}

/** Reads a range parameter; null when it is none of the accepted forms (its range is checked by isDateInputInRange). */
export function parseDateInput(s: string): DateInput | null {
  const d = DATE.exec(s);
  if (d) return isRealDay(+d[1]!, +d[2]!, +d[3]!) ? { kind: "date", day: s } : null;
  const l = LOCAL.exec(s);
  if (l) {
    if (!isRealDay(+l[1]!, +l[2]!, +l[3]!) || +l[4]! > 23 || +l[5]! > 59 || +(l[6] ?? 0) > 59) return null;
    return { kind: "local", local: s.replace(" ", "T") };
  }
  if (INSTANT.test(s)) {
    const at = new Date(s);
    if (Number.isNaN(at.getTime()) || !isRealDay(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10))) return null;
    return { kind: "instant", at };
  }
  return null;
}

/** The first instant a startDate stands for. */
export function startInstant(v: DateInput, tz: string): Date {
  if (v.kind === "date") return dayStart(v.day, tz);
  if (v.kind === "local") return zonedToInstant(v.local, tz);
  return v.at;
}

/** The (exclusive) instant an endDate stands for: a date means "through the end of that day". */
export function endInstant(v: DateInput, tz: string): Date {
  if (v.kind === "date") return dayStart(addDaysToDate(v.day, 1), tz);
  if (v.kind === "local") return zonedToInstant(v.local, tz);
  return v.at;
}

/** The calendar day (in tz) a startDate falls on. */
export function startDay(v: DateInput, tz: string): string {
  return v.kind === "date" ? v.day : localDate(startInstant(v, tz), tz);
}

/** The last calendar day (in tz) an endDate covers. */
export function endDay(v: DateInput, tz: string): string {
  if (v.kind === "date") return v.day;
  return localDate(new Date(endInstant(v, tz).getTime() - 1), tz);
}

export { daysFromTo } from "./calendar";

export const DATE_INPUT_MESSAGE = "must be a date (YYYY-MM-DD), a local date-time (YYYY-MM-DDTHH:mm:ss) or an ISO 8601 instant";

function toDateInput(s: string, ctx: z.RefinementCtx): DateInput {
  const v = parseDateInput(s);
  if (!v) {
    ctx.addIssue({ code: "custom", message: DATE_INPUT_MESSAGE });
    return z.NEVER;
  }
  if (!isDateInputInRange(v)) {
    ctx.addIssue({ code: "custom", message: RANGE_MESSAGE });
    return z.NEVER;
  }
  return v;
}

/** An /api/timesheet range parameter (startDate, endDate) in any of the forms above, within the accepted range. */
export const dateInputSchema = z.string().transform(toDateInput);

/** The same, for lists that require the parameter ("is required" when missing). */
export const requiredDateInputSchema = z.string({ message: "is required" }).transform(toDateInput);
