import { addDaysToDate, isCalendarDay, mondayOf, monthName } from "@/lib/time/calendar";

// The week picker's arithmetic: weeks run Monday to Sunday (SPEC.md), named by their Monday.

/** The Monday of the week a `?week=` value names (any day of it works), or of `today` when it is missing or malformed. */
export function weekParam(value: string | string[] | undefined | null, today: string): string {
  const v = Array.isArray(value) ? value[0] : value;
  return mondayOf(v && isCalendarDay(v) ? v : today);
}

export function shiftWeek(monday: string, weeks: number): string {
  return addDaysToDate(monday, 7 * weeks);
}

export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDaysToDate(monday, i));
}

/** The dashboards' wall-clock range of a whole week: Monday 00:00:00 to Sunday 23:59:59. */
export function weekRange(monday: string): { startDate: string; endDate: string } {
  return { startDate: `${monday} 00:00:00`, endDate: `${addDaysToDate(monday, 6)} 23:59:59` };
}

const MONTH = (m: number) => monthName(m).slice(0, 3);

/** "2 – 8 Feb 2026" (or across months "26 Jan – 1 Feb 2026"). */
export function weekLabel(monday: string): string {
  const sunday = addDaysToDate(monday, 6);
  const [y1, m1, d1] = monday.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = sunday.split("-").map(Number) as [number, number, number];
  const end = `${d2} ${MONTH(m2)} ${y2}`;
  if (y1 !== y2) return `${d1} ${MONTH(m1)} ${y1} – ${end}`;
  if (m1 !== m2) return `${d1} ${MONTH(m1)} – ${end}`;
  return `${d1} – ${end}`;
}
