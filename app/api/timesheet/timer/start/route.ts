// POST /api/timesheet/timer/start – start the web timer (409 timer_already_running while one runs)
import { timesheetRoute } from "@/lib/http/handler";
import { startWebTimer } from "@/lib/services/tracking";
import { timerStartBody } from "@/lib/validation/timesheet";
import { timeLogResponse } from "@/lib/validation/timesheet-responses";

export const dynamic = "force-dynamic";

export const POST = timesheetRoute({
  scope: "time:write",
  permission: "TIME_TRACKER",
  body: timerStartBody.optional().transform((b) => b ?? {}),
  status: 201,
  summary: "Start a timer; answers the running log",
  response: timeLogResponse,
  handler: ({ db, caller, body }) => startWebTimer(db, caller, body),
});
