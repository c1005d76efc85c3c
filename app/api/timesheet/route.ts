// GET /api/timesheet – list weekly timesheets with their totals and status
import { timesheetRoute } from "@/lib/http/handler";
import { listSheets } from "@/lib/services/timesheets";
import { sheetListQuery } from "@/lib/validation/timesheet";
import { sheetListResponse } from "@/lib/validation/timesheet-responses";

export const dynamic = "force-dynamic";

export const GET = timesheetRoute({
  scope: "time:read",
  permission: "TIME_TRACKER",
  query: sheetListQuery,
  summary: "List weekly timesheets (own; managers: their teams; admins: the organisation) whose week meets startDate..endDate",
  response: sheetListResponse,
  handler: ({ db, caller, query }) => listSheets(db, caller, query),
});
