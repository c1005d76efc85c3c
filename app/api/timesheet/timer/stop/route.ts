// POST /api/timesheet/timer/stop – stop the running timer (409 timer_not_running when none runs)
import { timesheetRoute } from "@/lib/http/handler";
import { stopWebTimer } from "@/lib/services/tracking";
import { timerStopBody } from "@/lib/validation/timesheet";
import { timeLogResponse } from "@/lib/validation/timesheet-responses";

export const dynamic = "force-dynamic";

export const POST = timesheetRoute({
  scope: "time:write",
  permission: "TIME_TRACKER",
  body: timerStopBody,
  summary: "Stop the running timer; answers the stopped log",
  response: timeLogResponse,
  handler: ({ db, caller, body }) => stopWebTimer(db, caller, body),
});
