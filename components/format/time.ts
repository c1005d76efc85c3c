// Durations, clock times and days as every page shows them. Instants are shown in a given
// IANA zone (the person's, passed down from the server component), never in the device's;
// calendar days ("YYYY-MM-DD") are zone-free. Written by hand where the server's and the
// browser's renderings must agree.

import { monthName, weekdayName } from "@/lib/time/calendar";
import { localClock, localDate } from "@/lib/time/zones";

/** Whole seconds as "7h 05m" ("0m" for nothing, "45s" under a minute). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s > 0 && s < 60) return `${s}s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}h ${String(m).padStart(2, "0")}m` : `${m}m`;
}

/** Whole seconds as "7:05" (hours:minutes), compact enough for a grid cell; "" for nothing. */
export function formatHm(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s === 0) return "";
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, "0")}`;
}

/** Seconds as decimal hours with two places ("7.08"), for CSV files and charts. */
export function hoursOf(totalSeconds: number): number {
  return Math.round((totalSeconds / 3600) * 100) / 100;
}

/** A share as a whole percentage ("0%" when the whole is zero). */
export function percent(part: number, whole: number): string {
  if (!whole) return "0%";
  return `${Math.round((part / whole) * 100)}%`;
}

/** The local wall-clock time of an instant in a zone, "HH:mm". */
export function clockIn(instant: string | number | Date, timeZone: string): string {
  return localClock(new Date(instant), timeZone).slice(0, 5);
}

/** The calendar day of an instant in a zone, "YYYY-MM-DD". */
export function dayIn(instant: string | number | Date, timeZone: string): string {
  return localDate(new Date(instant), timeZone);
}

/**
 * A calendar day ("YYYY-MM-DD", or the seeds' "YYYY-MM-DDT00:00:00.000Z"): "Mon 2 Feb",
 * with `year` "Mon 2 Feb 2026", with `long` "Monday 2 February 2026".
 */
export function formatDay(day: string, opts: { year?: boolean; long?: boolean } = {}): string {
  const d = new Date(`${day.slice(0, 10)}T12:00:00Z`);
  const weekday = weekdayName(day);
  const month = monthName(d.getUTCMonth() + 1);
  if (opts.long) return `${weekday} ${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
  const text = `${weekday.slice(0, 3)} ${d.getUTCDate()} ${month.slice(0, 3)}`;
  return opts.year ? `${text} ${d.getUTCFullYear()}` : text;
}

/** "2 Feb 2026, 09:05" in a zone. */
export function formatDateTime(instant: string | number | Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(instant));
}
