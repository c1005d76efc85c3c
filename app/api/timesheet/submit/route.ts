// PUT /api/timesheet/submit – submit own weekly timesheets for approval (DRAFT or DENIED → PENDING)
import { timesheetRoute } from "@/lib/http/handler";
import { transitionSheets } from "@/lib/services/timesheets";
import { submitBody } from "@/lib/validation/timesheet";
import { sheetListResponse } from "@/lib/validation/timesheet-responses";

export const dynamic = "force-dynamic";

export const PUT = timesheetRoute({
  scope: "time:write",
  permission: "TIME_TRACKER",
  body: submitBody,
  summary: "Submit own timesheets (all or none); their entries are locked until a decision",
  response: sheetListResponse,
  handler: ({ db, caller, body }) => transitionSheets(db, caller, "submit", body),
});
