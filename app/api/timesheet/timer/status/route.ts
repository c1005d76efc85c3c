// GET /api/timesheet/timer/status – the running log (or null) and today's total
import { timesheetRoute } from "@/lib/http/handler";
import { timerStatus } from "@/lib/services/tracking";
import { timerStatusQuery } from "@/lib/validation/timesheet";
import { timerStatusResponse } from "@/lib/validation/timesheet-responses";

export const dynamic = "force-dynamic";

export const GET = timesheetRoute({
  scope: "time:read",
  permission: "TIME_TRACKER",
  query: timerStatusQuery,
  summary: "Timer status: the running log or null, and seconds logged today in timeZone (default yours)",
  response: timerStatusResponse,
  handler: ({ db, caller, query }) => timerStatus(db, caller, query),
});
