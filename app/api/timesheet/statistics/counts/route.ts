// GET /api/timesheet/statistics/counts – time and average activity of the week and of today
import { timesheetRoute } from "@/lib/http/handler";
import { statisticsCounts } from "@/lib/services/timesheets";
import { statisticsQuery } from "@/lib/validation/timesheet";
import { countsResponse } from "@/lib/validation/timesheet-responses";

export const dynamic = "force-dynamic";

export const GET = timesheetRoute({
  scope: "time:read",
  permission: "TIME_TRACKER",
  query: statisticsQuery,
  summary: "weeklyDuration/weeklyActivities over startDate..endDate (default this week), todayDuration/todayActivities for today in timeZone",
  response: countsResponse,
  handler: ({ db, caller, query }) => statisticsCounts(db, caller, query),
});
