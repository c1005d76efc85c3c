// GET /api/timesheet/activity – list app and URL activities with durations (or totals per name)
import { timesheetRoute } from "@/lib/http/handler";
import { listActivities } from "@/lib/services/activity";
import { activityListQuery } from "@/lib/validation/timesheet";
import { activityListResponse } from "@/lib/validation/timesheet-responses";

export const dynamic = "force-dynamic";

export const GET = timesheetRoute({
  scope: "time:read",
  permission: "TIME_TRACKER",
  query: activityListQuery,
  summary: "List activities overlapping startDate..endDate (own; managers: their teams; admins: all); groupBy=name sums per app or host",
  response: activityListResponse,
  handler: ({ db, caller, query }) => listActivities(db, caller, query),
});
