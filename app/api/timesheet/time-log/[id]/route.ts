// GET, PUT, DELETE /api/timesheet/time-log/{id} – read, update or delete a time log
import { timesheetRoute } from "@/lib/http/handler";
import { deleteTimeLog, getTimeLog, updateTimeLog } from "@/lib/services/tracking";
import { z } from "zod";
import { uuid } from "@/lib/validation/common";
import { timeLogUpdateBody } from "@/lib/validation/timesheet";
import { timeLogResponse, writtenTimeLogResponse } from "@/lib/validation/timesheet-responses";

export const dynamic = "force-dynamic";

const params = z.object({ id: uuid });

export const GET = timesheetRoute({
  scope: "time:read",
  permission: "TIME_TRACKER",
  params,
  summary: "Get a time log",
  response: timeLogResponse,
  handler: ({ db, caller, params }) => getTimeLog(db, caller, params.id),
});

export const PUT = timesheetRoute({
  scope: "time:write",
  permission: "TIME_TRACKER",
  params,
  body: timeLogUpdateBody,
  summary: "Update a time log (own, while its week is not submitted; admins: anyone's). The type of an agent-recorded log (DESKTOP, BROWSER_EXTENSION, MOBILE) is changed by its approvers, not its owner; changes of its type or times are audited",
  response: writtenTimeLogResponse,
  handler: ({ db, caller, params, body }) => updateTimeLog(db, caller, params.id, body),
});

export const DELETE = timesheetRoute({
  scope: "time:write",
  permission: "TIME_TRACKER",
  params,
  summary: "Delete a time log; answers the deleted log",
  response: timeLogResponse,
  handler: ({ db, caller, params }) => deleteTimeLog(db, caller, params.id),
});
