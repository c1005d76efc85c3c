// POST /api/timesheet/timer/toggle – stop the running timer, or start one when none runs
import { timesheetRoute } from "@/lib/http/handler";
import { toggleWebTimer } from "@/lib/services/tracking";
import { timerStartBody } from "@/lib/validation/timesheet";
import { timeLogResponse } from "@/lib/validation/timesheet-responses";

export const dynamic = "force-dynamic";

export const POST = timesheetRoute({
  scope: "time:write",
  permission: "TIME_TRACKER",
  body: timerStartBody.optional().transform((b) => b ?? {}),
  summary: "Toggle the timer; answers the log (isRunning tells whether it started or stopped)",
  response: timeLogResponse,
  handler: ({ db, caller, body }) => toggleWebTimer(db, caller, body),
});
