import { addDaysToDate, isCalendarDay } from "@/lib/time/calendar";
import { localClock, localDate, zonedToInstant } from "@/lib/time/zones";
import type { TimeLogView as TimeLog } from "@/lib/validation/timesheet-responses";

// The add/edit entry form: a local date and wall-clock times in the person's zone, turned
// into the instants the API stores. An end at or before the start means the next day (a
// night shift), so an entry can cross midnight without a second date field.

export interface EntryFormValues {
  date: string;
  start: string;
  /** Empty for a running log, whose end is not edited. */
  end: string;
  projectId: string;
  taskId: string;
  description: string;
}

export type EntryFormResult =
  | { ok: true; body: { startedAt: string; stoppedAt?: string; projectId: string | null; taskId: string | null; description: string | null } }
  | { ok: false; field: keyof EntryFormValues; message: string };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const hm = (clock: string) => clock.slice(0, 5);

function minusMinutes(clock: string, minutes: number): string {
  const [h, m] = clock.split(":").map(Number) as [number, number];
  const total = Math.max(0, h * 60 + m - minutes);
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

/** The form's starting values: an existing log's local times, or the last hour of today (09:00–10:00 on other days). */
export function entryFormValues(log: TimeLog | null, timeZone: string, opts: { day: string; nowMs: number; projectId?: string | null }): EntryFormValues {
  if (log) {
    const start = new Date(log.startedAt);
    return {
      date: localDate(start, timeZone),
      start: hm(localClock(start, timeZone)),
      end: log.stoppedAt ? hm(localClock(new Date(log.stoppedAt), timeZone)) : "",
      projectId: log.projectId ?? "",
      taskId: log.taskId ?? "",
      description: log.description ?? "",
    };
  }
  const now = new Date(opts.nowMs);
  const isToday = localDate(now, timeZone) === opts.day;
  // round down to five minutes so the default end is never in the future
  const nowClock = hm(localClock(now, timeZone));
  const end = isToday ? `${nowClock.slice(0, 3)}${String(Math.floor(Number(nowClock.slice(3)) / 5) * 5).padStart(2, "0")}` : "10:00";
  const start = isToday ? minusMinutes(end, 60) : "09:00";
  return { date: opts.day, start, end, projectId: opts.projectId ?? "", taskId: "", description: "" };
}

/** Whether the end lies on the day after the start (end at or before start on the clock). */
export function endsNextDay(start: string, end: string): boolean {
  return TIME.test(start) && TIME.test(end) && end <= start;
}

/** Validates the form and builds the time-log body; `running` logs keep no end. */
export function entryFormToBody(v: EntryFormValues, timeZone: string, opts: { running?: boolean } = {}): EntryFormResult {
  if (!isCalendarDay(v.date)) return { ok: false, field: "date", message: "Enter a date" };
  if (!TIME.test(v.start)) return { ok: false, field: "start", message: "Enter a start time (HH:MM)" };
  const startedAt = zonedToInstant(`${v.date} ${v.start}:00`, timeZone);
  const refs = { projectId: v.projectId || null, taskId: v.taskId || null, description: v.description.trim() || null };
  if (opts.running) return { ok: true, body: { startedAt: startedAt.toISOString(), ...refs } };
  if (!TIME.test(v.end)) return { ok: false, field: "end", message: "Enter an end time (HH:MM)" };
  if (v.end === v.start) return { ok: false, field: "end", message: "The end must differ from the start" };
  const endDay = endsNextDay(v.start, v.end) ? addDaysToDate(v.date, 1) : v.date;
  const stoppedAt = zonedToInstant(`${endDay} ${v.end}:00`, timeZone);
  if (stoppedAt.getTime() <= startedAt.getTime()) return { ok: false, field: "end", message: "The end must be after the start" };
  return { ok: true, body: { startedAt: startedAt.toISOString(), stoppedAt: stoppedAt.toISOString(), ...refs } };
}

const API_FIELDS: Record<string, keyof EntryFormValues> = {
  "body.startedAt": "start",
  "body.stoppedAt": "end",
  "body.projectId": "projectId",
  "body.taskId": "taskId",
  "body.description": "description",
};
const FIELD_WORDS: Partial<Record<keyof EntryFormValues, string>> = { start: "The start", end: "The end", description: "The description" };

/**
 * A 422 that names a field of the time-log body ("body.stoppedAt: must not be in the
 * future"), as the form's field and words ("The end must not be in the future"); null for
 * anything else (overlap 409, locked 423), which is shown above the form as the server said it.
 */
export function apiFieldError(err: unknown): { field: keyof EntryFormValues; message: string } | null {
  const e = err as { details?: { field?: unknown }; message?: unknown } | null;
  const raw = typeof e?.details?.field === "string" ? e.details.field : null;
  const field = raw ? API_FIELDS[raw] : undefined;
  if (!field || typeof e?.message !== "string") return null;
  const text = e.message.replace(/^[\w.]+: /, "");
  const words = FIELD_WORDS[field];
  return { field, message: words ? `${words} ${text}` : text.charAt(0).toUpperCase() + text.slice(1) };
}
