// GET /api/timesheet/time-log/report/daily-chart – seconds per local day, grouped by project, task, employee or date
import { timesheetRoute } from "@/lib/http/handler";
import { dailyChart } from "@/lib/services/reports";
import { dailyChartQuery } from "@/lib/validation/timesheet";
import { dailyChartResponse } from "@/lib/validation/timesheet-responses";

export const dynamic = "force-dynamic";

export const GET = timesheetRoute({
  scope: "time:read",
  permission: "TIME_TRACKER",
  query: dailyChartQuery,
  summary: "One row per day of startDate..endDate in timeZone (default yours), zero-filled, seconds per group",
  response: dailyChartResponse,
  handler: ({ db, caller, query }) => dailyChart(db, caller, query),
});
