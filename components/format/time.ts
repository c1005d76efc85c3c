// Durations and clock times as the manager and admin pages show them. Instants are
// shown in a given IANA zone; calendar days ("YYYY-MM-DD") are zone-free.

/** Whole seconds as "7h 05m" ("0m" for nothing, "45s" under a minute). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s > 0 && s < 60) return `${s}s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}h ${String(m).padStart(2, "0")}m` : `${m}m`;
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

function parts(instant: string | number | Date, timeZone: string) {
  const f = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(instant))) out[p.type] = p.value;
  return out as { year: string; month: string; day: string; hour: string; minute: string; second: string };
}

/** The local wall-clock time of an instant in a zone, "HH:mm". */
export function clockIn(instant: string | number | Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** The calendar day of an instant in a zone, "YYYY-MM-DD". */
export function dayIn(instant: string | number | Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

const WEEKDAY = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTH = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Mon 2 Feb" for a calendar day ("YYYY-MM-DD", or the seeds' "YYYY-MM-DDT00:00:00.000Z"). */
export function formatDay(day: string, opts: { year?: boolean } = {}): string {
  const d = new Date(`${day.slice(0, 10)}T12:00:00Z`);
  const text = `${WEEKDAY[d.getUTCDay()]} ${d.getUTCDate()} ${MONTH[d.getUTCMonth()]}`;
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
