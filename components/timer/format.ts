// How the employee pages write durations and times. Instants are shown in the person's
// IANA time zone (passed down from the server component), never in the device's.

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

/** Local wall-clock "HH:mm" of an instant in a zone. */
export function formatTime(instant: string | number | Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(instant));
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * "Monday 2 February 2026" (long) or "Mon 2 Feb" for a calendar day "YYYY-MM-DD". Written by
 * hand so the server's and the browser's renderings agree.
 */
export function formatDay(day: string, style: "long" | "short" = "short"): string {
  const d = new Date(`${day}T12:00:00Z`);
  const weekday = WEEKDAYS[d.getUTCDay()]!;
  const month = MONTHS[d.getUTCMonth()]!;
  if (style === "short") return `${weekday.slice(0, 3)} ${d.getUTCDate()} ${month.slice(0, 3)}`;
  return `${weekday} ${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
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
