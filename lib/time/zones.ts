import { addDays, format } from "date-fns";
import { formatInTimeZone, fromZonedTime, toZonedTime } from "date-fns-tz";

// Time-zone arithmetic. Instants are Date objects (UTC); calendar days are "YYYY-MM-DD"
// strings as a given IANA zone sees them.

const validZones = new Map<string, boolean>();
export function isValidTimeZone(tz: string): boolean {
  let ok = validZones.get(tz);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      ok = tz.length > 0;
    } catch {
      ok = false;
    }
    if (validZones.size < 1000) validZones.set(tz, ok);
  }
  return ok;
}

/** The calendar day of an instant in a zone, as YYYY-MM-DD. */
export function localDate(instant: Date, tz: string): string {
  return formatInTimeZone(instant, tz, "yyyy-MM-dd");
}

/** The instant a local wall-clock time ("YYYY-MM-DD" or "YYYY-MM-DD HH:mm:ss") happens in a zone. */
export function zonedToInstant(local: string, tz: string): Date {
  return fromZonedTime(local.replace(" ", "T"), tz);
}

/** Midnight (start) of a calendar day in a zone. */
export function dayStart(day: string, tz: string): Date {
  return fromZonedTime(`${day}T00:00:00`, tz);
}

export function addDaysToDate(day: string, n: number): string {
  return format(addDays(new Date(`${day}T12:00:00Z`), n), "yyyy-MM-dd");
}

/** Monday (YYYY-MM-DD) of the week containing a calendar day. */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  return addDaysToDate(day, -dow);
}

/** Monday of the week, in a zone, that contains an instant. */
export function weekStartOf(instant: Date, tz: string): string {
  return mondayOf(localDate(instant, tz));
}

/** The calendar day written as its midnight in UTC, as the dashboard seeds do. */
export const dayAsUtcMidnight = (day: string) => `${day}T00:00:00.000Z`;

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
export function weekdayName(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  return WEEKDAYS[(d.getUTCDay() + 6) % 7]!;
}

/** Local wall-clock time of an instant in a zone (HH:mm:ss). */
export function localClock(instant: Date, tz: string): string {
  return format(toZonedTime(instant, tz), "HH:mm:ss");
}
