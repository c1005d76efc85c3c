// PUT /api/timesheet/approve – approve submitted timesheets (PENDING or IN_REVIEW → APPROVED)
import { timesheetRoute } from "@/lib/http/handler";
import { transitionSheets } from "@/lib/services/timesheets";
import { sheetIdsBody } from "@/lib/validation/timesheet";
import { sheetListResponse } from "@/lib/validation/timesheet-responses";

export const dynamic = "force-dynamic";

export const PUT = timesheetRoute({
  scope: "timesheets:approve",
  permission: "CAN_APPROVE_TIMESHEET",
  body: sheetIdsBody,
  summary: "Approve timesheets of users you may approve (all or none; never your own)",
  response: sheetListResponse,
  handler: ({ db, caller, body }) => transitionSheets(db, caller, "approve", body),
});
