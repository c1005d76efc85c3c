// PUT /api/timesheet/reopen – admins reopen approved timesheets (APPROVED → DRAFT), audited
import { timesheetRoute } from "@/lib/http/handler";
import { transitionSheets } from "@/lib/services/timesheets";
import { reopenBody } from "@/lib/validation/timesheet";
import { sheetListResponse } from "@/lib/validation/timesheet-responses";

export const dynamic = "force-dynamic";

export const PUT = timesheetRoute({
  scope: "admin",
  permission: "ORG_ADMIN",
  body: reopenBody,
  summary: "Reopen approved timesheets as drafts (admins; all or none; never your own)",
  response: sheetListResponse,
  handler: ({ db, caller, body }) => transitionSheets(db, caller, "reopen", body),
});
