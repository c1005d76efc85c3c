import { fromZonedTime } from "date-fns-tz";

// Time-zone arithmetic. Instants are Date objects (UTC); calendar days are "YYYY-MM-DD"
// strings as a given IANA zone sees them. Reading an instant in a zone uses Intl (cached
// formatters), and calendar-day arithmetic is plain UTC date math, so the client components
// that import this module carry only date-fns-tz's small `fromZonedTime`.

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

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(instant: Date, tz: string): Record<"year" | "month" | "day" | "hour" | "minute" | "second", string> {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    if (formatters.size < 1000) formatters.set(tz, f);
  }
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(instant)) out[p.type] = p.value;
  return out as Record<"year" | "month" | "day" | "hour" | "minute" | "second", string>;
}

/** The calendar day of an instant in a zone, as YYYY-MM-DD. */
export function localDate(instant: Date, tz: string): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid time value");
  const p = partsIn(instant, tz);
  return `${p.year.padStart(4, "0")}-${p.month}-${p.day}`;
}

/** The instant a local wall-clock time ("YYYY-MM-DD" or "YYYY-MM-DD HH:mm:ss") happens in a zone. */
export function zonedToInstant(local: string, tz: string): Date {
  return fromZonedTime(local.replace(" ", "T"), tz);
}

/**
 * The first instant of a calendar day in a zone: its midnight, or, where the clocks jump over
 * midnight (DST starting at 00:00), the instant of the jump — as PostgreSQL's
 * `day::timestamp at time zone tz` answers, so day bounds agree in JavaScript and in SQL.
 */
export function dayStart(day: string, tz: string): Date {
  const midnight = fromZonedTime(`${day}T00:00:00`, tz);
  if (localDate(midnight, tz) >= day) return midnight;
  // midnight does not exist: the instant found still lies on the day before. Step forward to
  // an instant on the day, then narrow down to the minute of the jump (zones move by minutes).
  const MINUTE = 60_000;
  const onDay = (m: number) => localDate(new Date(m * MINUTE), tz) >= day;
  let lo = Math.floor(midnight.getTime() / MINUTE);
  let hi = lo + 60;
  for (let i = 0; !onDay(hi) && i < 48; i += 1) hi += 60;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (onDay(mid)) hi = mid;
    else lo = mid;
  }
  return new Date(hi * MINUTE);
}

export function addDaysToDate(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
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
export function weekdayName(day: string): (typeof WEEKDAYS)[number] {
  const d = new Date(`${day}T12:00:00Z`);
  return WEEKDAYS[(d.getUTCDay() + 6) % 7]!;
}

/** Local wall-clock time of an instant in a zone (HH:mm:ss). */
export function localClock(instant: Date, tz: string): string {
  const p = partsIn(instant, tz);
  return `${p.hour}:${p.minute}:${p.second}`;
}
