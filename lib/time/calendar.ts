// Calendar days ("YYYY-MM-DD", zone-free) and their arithmetic: the one home of the "is this a
// real date?" check, day and week steps, day differences and the weekday and month names.
// Plain UTC date math, no dependencies, so client components import it freely.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether year, month (1–12) and day name a real calendar day (any year 0–9999). */
export function isRealDay(y: number, m: number, d: number): boolean {
  const probe = new Date(Date.UTC(2000, m - 1, d));
  probe.setUTCFullYear(y);
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** A real calendar day written YYYY-MM-DD (any four-digit year). */
export function isCalendarDay(s: string): boolean {
  const m = DAY.exec(s);
  return m ? isRealDay(Number(m[1]), Number(m[2]), Number(m[3])) : false;
}

export function addDaysToDate(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Days from one calendar day to another; only the first ten characters (YYYY-MM-DD) of each are read. */
export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

/** Day of the week, Monday = 0 … Sunday = 6 (weeks run Monday to Sunday, SPEC.md). */
export function weekdayIndex(day: string): number {
  return (new Date(`${day.slice(0, 10)}T12:00:00Z`).getUTCDay() + 6) % 7;
}

/** Monday (YYYY-MM-DD) of the week containing a calendar day. */
export function mondayOf(day: string): string {
  return addDaysToDate(day, -weekdayIndex(day));
}

/** The calendar day written as its midnight in UTC, as the dashboard seeds do. */
export const dayAsUtcMidnight = (day: string) => `${day}T00:00:00.000Z`;

/** Weekday names, Monday first. */
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

export function weekdayName(day: string): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[weekdayIndex(day)]!;
}

/** The name of a month (1–12). */
export function monthName(month: number): string {
  return MONTHS[month - 1]!;
}
