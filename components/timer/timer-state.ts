import type { TimeLogView as TimeLog } from "@/lib/validation/timesheet-responses";

/** What the timer shows: the running log (or none), as the server saw it when it answered. */
export interface TimerStatus {
  running: TimeLog | null;
  /** Date.now() on this device when the answer arrived (to correct for clock skew). */
  receivedAt: number;
}

// The timer's logic without React: what it shows (elapsed time, corrected for this device's
// clock) and what start, stop, switch and "apply" send. The server stays the truth; the
// page only ticks the seconds between two answers.

export interface TimerDraft {
  projectId: string | null;
  taskId: string | null;
  description: string;
}

export interface TimerRequest {
  method: "POST" | "PUT" | "DELETE";
  path: string;
  body: Record<string, unknown>;
}

export const EMPTY_DRAFT: TimerDraft = { projectId: null, taskId: null, description: "" };

export function draftOf(log: Pick<TimeLog, "projectId" | "taskId" | "description"> | null): TimerDraft {
  if (!log) return EMPTY_DRAFT;
  return { projectId: log.projectId ?? null, taskId: log.taskId ?? null, description: log.description ?? "" };
}

/** Skews under this are rounding (durations are whole seconds) and latency, not a wrong clock. */
const SKEW_TOLERANCE_MS = 2000;

/**
 * How far the server's clock is ahead of this device's (ms), read off a running log: the
 * server answered `duration` seconds after `startedAt`, and the answer arrived at `receivedAt`.
 */
export function clockSkew(log: Pick<TimeLog, "startedAt" | "duration">, receivedAt: number): number {
  const serverNow = Date.parse(log.startedAt) + log.duration * 1000;
  const skew = serverNow - receivedAt;
  return Math.abs(skew) < SKEW_TOLERANCE_MS ? 0 : skew;
}

/** Whole seconds since `startedAt` at this device's `nowMs`, on the server's clock. */
export function elapsedSeconds(startedAt: string, nowMs: number, skewMs = 0): number {
  return Math.max(0, Math.floor((nowMs + skewMs - Date.parse(startedAt)) / 1000));
}

/** "0:05:09", "12:00:00": the running timer's face. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h}:${String(m).padStart(2, "0")}:${String(sec).padStart(2, "0")}`;
}

const clean = (s: string | null | undefined) => (s ?? "").trim();

/** The fields as the API takes them: nothing for an empty choice. */
function fields(draft: TimerDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (draft.projectId) body.projectId = draft.projectId;
  if (draft.taskId) body.taskId = draft.taskId;
  if (clean(draft.description)) body.description = clean(draft.description);
  return body;
}

/** Whether the form differs from what the running log tracks. */
export function isDirty(running: Pick<TimeLog, "projectId" | "taskId" | "description"> | null, draft: TimerDraft): boolean {
  if (!running) return false;
  return (
    (running.projectId ?? null) !== (draft.projectId || null) ||
    (running.taskId ?? null) !== (draft.taskId || null) ||
    clean(running.description) !== clean(draft.description)
  );
}

export function startRequests(draft: TimerDraft): TimerRequest[] {
  return [{ method: "POST", path: "/api/timesheet/timer/start", body: fields(draft) }];
}

export function stopRequests(): TimerRequest[] {
  return [{ method: "POST", path: "/api/timesheet/timer/stop", body: {} }];
}

/**
 * Switching: the running log ends now and a new one starts with the form's project, task
 * and description, so each keeps the time that was really spent on it. Nothing to send
 * when nothing changed; a plain start when nothing runs.
 */
export function switchRequests(running: TimeLog | null, draft: TimerDraft): TimerRequest[] {
  if (!running) return startRequests(draft);
  if (!isDirty(running, draft)) return [];
  return [...stopRequests(), ...startRequests(draft)];
}

/**
 * Correcting the running log instead (wrong project picked at the start): the whole log,
 * from its start, gets the form's fields. Cleared fields are sent as null so they clear.
 */
export function applyRequests(running: TimeLog, draft: TimerDraft): TimerRequest[] {
  return [
    {
      method: "PUT",
      path: `/api/timesheet/time-log/${running.id}`,
      body: { projectId: draft.projectId || null, taskId: draft.taskId || null, description: clean(draft.description) || null },
    },
  ];
}

export function deleteRequests(log: Pick<TimeLog, "id">): TimerRequest[] {
  return [{ method: "DELETE", path: `/api/timesheet/time-log/${log.id}`, body: {} }];
}

/** What the start/stop button (and its shortcut) does now. */
export function toggleRequests(running: TimeLog | null, draft: TimerDraft): TimerRequest[] {
  return running ? stopRequests() : startRequests(draft);
}

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  repeat?: boolean;
  defaultPrevented?: boolean;
  target?: { tagName?: string; isContentEditable?: boolean; closest?: (selector: string) => unknown } | null;
}

const TYPING = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/** "s" starts or stops the timer, unless the person is typing, holding a modifier, or in a dialog. */
export function isTimerShortcut(e: KeyLike): boolean {
  if (e.key !== "s" && e.key !== "S") return false;
  if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || e.defaultPrevented) return false;
  const t = e.target;
  if (t) {
    if (t.tagName && TYPING.has(t.tagName.toUpperCase())) return false;
    if (t.isContentEditable) return false;
    if (typeof t.closest === "function" && t.closest('[role="dialog"], [role="alertdialog"]')) return false;
  }
  return true;
}
