import type { TimeEntry } from "@/db/schema";
import { now } from "@/base/clock";
import { durationParts } from "@/lib/format";
import { durationSeconds } from "./time-entries";
import type { TimeLogView } from "@/lib/validation/timesheet-responses";
import type { TrackView } from "@/lib/validation/tracking-responses";

// One entry, two vocabularies (SPEC.md, "One data model under three APIs").

/** /api/timesheet time log. `duration` in seconds; a running log counts up to now. */
export function toTimeLog(e: TimeEntry, at: Date = now()): TimeLogView {
  return {
    id: e.id,
    startedAt: e.startedAt.toISOString(),
    stoppedAt: e.stoppedAt?.toISOString() ?? null,
    duration: durationSeconds(e, at),
    logType: e.logType,
    source: e.source,
    description: e.description,
    employeeId: e.userId,
    projectId: e.projectId,
    taskId: e.taskId,
    timesheetId: e.timesheetId,
    organizationId: e.organizationId,
    isBillable: e.isBillable,
    isRunning: e.stoppedAt === null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** /v1 time track: start/end in Unix ms, amount the duration in ms, h/m/s and "1h 35m 5s". */
export function toTimeTrack(e: TimeEntry, at: Date = now()): TrackView {
  const seconds = durationSeconds(e, at);
  return {
    id: e.id,
    taskId: e.taskId,
    userId: e.userId,
    startTime: e.startedAt.toISOString(),
    endTime: e.stoppedAt?.toISOString() ?? null,
    start: e.startedAt.getTime(),
    end: e.stoppedAt?.getTime() ?? null,
    amount: seconds * 1000,
    ...durationParts(seconds),
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
