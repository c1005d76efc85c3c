import type { SheetView, TimeLogView as TimeLog } from "@/lib/validation/timesheet-responses";
import { clockIn, dayIn, formatDay } from "@/components/format/time";

// The approval queue's arithmetic: idle share, a sheet's entries day by day, and which
// sheets a refused bulk call names.

export type Sheet = Pick<SheetView, "id" | "employeeId" | "employeeName" | "weekStart" | "weekStartedAt" | "weekEndedAt" | "status" | "duration" | "durationByLogType">;

/** Idle time as a share (0..1) of the sheet's total. */
export function idleShare(sheet: Pick<Sheet, "duration" | "durationByLogType">): number {
  return sheet.duration > 0 ? sheet.durationByLogType.IDLE / sheet.duration : 0;
}

export interface DayGroup {
  day: string;
  seconds: number;
  idleSeconds: number;
  entries: Array<TimeLogLike & { from: string; to: string; overnight: boolean }>;
}

export type TimeLogLike = Pick<TimeLog, "id" | "startedAt" | "stoppedAt" | "duration" | "logType" | "description" | "projectId" | "timesheetId">;

/** Seconds of a log inside [from, to) (a running log's `duration` counts up to now). */
function secondsWithin(log: TimeLogLike, from: number, to: number): number {
  const start = Date.parse(log.startedAt);
  const end = log.stoppedAt ? Date.parse(log.stoppedAt) : start + log.duration * 1000;
  return Math.max(0, Math.floor((Math.min(end, to) - Math.max(start, from)) / 1000));
}

/**
 * The sheet's entries by the local day they start on (oldest first), with each day's total.
 * With the sheet's stored week, as the sheet's own total does: every log meeting the week,
 * counted for its part inside it (an entry across the week boundary is split there).
 */
export function entriesByDay(logs: TimeLogLike[], timeZone: string, week?: Pick<Sheet, "weekStartedAt" | "weekEndedAt">): DayGroup[] {
  const days = new Map<string, DayGroup>();
  const from = week ? Date.parse(week.weekStartedAt) : -Infinity;
  const to = week ? Date.parse(week.weekEndedAt) : Infinity;
  const inside = (l: TimeLogLike) => (week ? secondsWithin(l, from, to) : l.duration);
  const mine = week ? logs.filter((l) => inside(l) > 0) : logs;
  const sorted = [...mine].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  for (const log of sorted) {
    const seconds = inside(log);
    const day = dayIn(log.startedAt, timeZone);
    let g = days.get(day);
    if (!g) {
      g = { day, seconds: 0, idleSeconds: 0, entries: [] };
      days.set(day, g);
    }
    g.seconds += seconds;
    if (log.logType === "IDLE") g.idleSeconds += seconds;
    g.entries.push({
      ...log,
      from: clockIn(log.startedAt, timeZone),
      to: log.stoppedAt ? clockIn(log.stoppedAt, timeZone) : "running",
      overnight: log.stoppedAt !== null && dayIn(log.stoppedAt, timeZone) !== day,
    });
  }
  return [...days.values()];
}

/** "Ana Pereira, week of Mon 2 Feb" */
export const sheetLabel = (s: Pick<Sheet, "employeeName" | "weekStart">) => `${s.employeeName}, week of ${formatDay(s.weekStart)}`;

export interface FailedSheet {
  id: string;
  label: string;
  message: string;
}

/**
 * The sheets a refused bulk call names (`details.failed` / `details.failedIds` of the API
 * error), labelled by person and week when the page knows them.
 */
export function failedSheets(details: Record<string, unknown> | undefined, known: Sheet[]): FailedSheet[] {
  if (!details) return [];
  const byId = new Map(known.map((s) => [s.id, s]));
  const failed = Array.isArray(details.failed) ? (details.failed as Array<{ id?: unknown; message?: unknown }>) : [];
  const ids = Array.isArray(details.failedIds) ? (details.failedIds as unknown[]).filter((x): x is string => typeof x === "string") : [];
  const all = new Map<string, string>();
  for (const f of failed) if (typeof f.id === "string") all.set(f.id, typeof f.message === "string" ? f.message : "");
  for (const id of ids) if (!all.has(id)) all.set(id, "");
  return [...all].map(([id, message]) => {
    const s = byId.get(id);
    return { id, label: s ? sheetLabel(s) : `Timesheet ${id}`, message: s ? message.replaceAll(`Timesheet ${id}`, "This timesheet") : message };
  });
}

/** The waiting queue: oldest week first, then by name; never the caller's own sheets (nobody approves their own). */
export function queueOrder<T extends Sheet>(sheets: T[], selfId: string): T[] {
  return sheets
    .filter((s) => s.employeeId !== selfId)
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart) || a.employeeName.localeCompare(b.employeeName) || a.id.localeCompare(b.id));
}

/** Decided sheets, the newest decision first (sheets without a decision time last). */
export function decidedOrder<T extends Pick<SheetView, "id" | "reviewedAt" | "weekStart">>(sheets: T[]): T[] {
  const at = (s: T) => (s.reviewedAt ? Date.parse(s.reviewedAt) : 0);
  return [...sheets].sort((a, b) => at(b) - at(a) || b.weekStart.localeCompare(a.weekStart) || a.id.localeCompare(b.id));
}
