// GET /api/timesheet/time-log/report – seconds per project, task, employee or date over the range
import { timesheetRoute } from "@/lib/http/handler";
import { timeReport } from "@/lib/services/reports";
import { dailyChartQuery } from "@/lib/validation/timesheet";
import { timeReportResponse } from "@/lib/validation/timesheet-responses";

export const dynamic = "force-dynamic";

export const GET = timesheetRoute({
  permission: "TIME_TRACKER",
  scope: "time:read",
  query: dailyChartQuery,
  summary: "Seed 004's project time report: the range's seconds per group (largest first), the sum of the daily chart",
  response: timeReportResponse,
  handler: ({ db, caller, query }) => timeReport(db, caller, query),
});
