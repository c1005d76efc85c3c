// PUT /api/timesheet/deny – deny submitted timesheets, with an optional reason (PENDING or IN_REVIEW → DENIED)
import { timesheetRoute } from "@/lib/http/handler";
import { transitionSheets } from "@/lib/services/timesheets";
import { denyBody } from "@/lib/validation/timesheet";
import { sheetListResponse } from "@/lib/validation/timesheet-responses";

export const dynamic = "force-dynamic";

export const PUT = timesheetRoute({
  scope: "timesheets:approve",
  permission: "CAN_APPROVE_TIMESHEET",
  body: denyBody,
  summary: "Deny timesheets (all or none; an optional reason is shown to the owner); the owner may edit and resubmit",
  response: sheetListResponse,
  handler: ({ db, caller, body }) => transitionSheets(db, caller, "deny", body),
});
