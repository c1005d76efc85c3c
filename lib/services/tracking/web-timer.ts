import type { Db } from "@/db/client";
import type { Caller } from "@/lib/auth/permissions";
import { now } from "@/base/clock";
import { addDaysToDate, dayStart, localDate } from "@/lib/time/zones";
import type { TimerStartBody } from "@/lib/validation/timesheet";
import { toTimeLog } from "./entry-views";
import { lockUser } from "@/lib/services/timesheets/weeks";
import { durationSeconds, runningEntry, startTimer, stopTimer } from "./time-entries";
import { assertCallerOrg, clippedSeconds } from "@/lib/services/timesheets/scope";
import { inTx } from "@/lib/services/platform/tx";
import type { TimeLog } from "./time-logs";

// The web timer of /api/timesheet: start refuses while a timer runs (409 with the running
// log), stop refuses when none runs; toggle does whichever applies, under the user's lock.

export async function startWebTimer(db: Db, caller: Caller, body: TimerStartBody): Promise<TimeLog> {
  assertCallerOrg(caller, body.organizationId);
  const { entry } = await startTimer(db, caller, {
    projectId: body.projectId,
    taskId: body.taskId,
    description: body.description,
    source: body.source ?? "WEB_TIMER",
    isBillable: body.isBillable,
    whenRunning: "refuse",
  });
  return toTimeLog(entry);
}

export async function stopWebTimer(db: Db, caller: Caller, body: { organizationId?: string }): Promise<TimeLog> {
  assertCallerOrg(caller, body.organizationId);
  return toTimeLog(await stopTimer(db, caller));
}

/** Stops the running timer, or starts one: the answer's `isRunning` says which happened. */
export async function toggleWebTimer(db: Db, caller: Caller, body: TimerStartBody): Promise<TimeLog> {
  assertCallerOrg(caller, body.organizationId);
  // The decision and the action share one transaction and the user's row lock, so two
  // toggles sent together act one after the other (start, then stop) instead of racing.
  return inTx(db, async (tx) => {
    await lockUser(tx, caller.orgId, caller.userId);
    const running = await runningEntry(tx, caller.orgId, caller.userId);
    return running ? stopWebTimer(tx, caller, {}) : startWebTimer(tx, caller, body);
  });
}

export interface TimerStatus {
  running: boolean;
  /** The running log, or null. */
  log: TimeLog | null;
  /** Seconds the running log has run so far (0 when none runs). */
  duration: number;
  /** Seconds logged today (in `timeZone`, default the caller's), the running log up to now. */
  todayDuration: number;
  timeZone: string;
  date: string;
}

export async function timerStatus(db: Db, caller: Caller, q: { timeZone?: string }): Promise<TimerStatus> {
  const at = now();
  const tz = q.timeZone ?? caller.timeZone;
  const today = localDate(at, tz);
  const running = await runningEntry(db, caller.orgId, caller.userId);
  const todayDuration = await clippedSeconds(db, caller.orgId, [caller.userId], dayStart(today, tz), dayStart(addDaysToDate(today, 1), tz), at);
  return {
    running: running !== null,
    log: running ? toTimeLog(running, at) : null,
    duration: running ? durationSeconds(running, at) : 0,
    todayDuration,
    timeZone: tz,
    date: today,
  };
}
