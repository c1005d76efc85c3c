// POST /api/timesheet/activity/bulk – ingest a batch of activities from a desktop agent, idempotent per clientId
import { timesheetRoute } from "@/lib/http/handler";
import { ingestActivities } from "@/lib/services/activity";
import { activityBulkBody } from "@/lib/validation/timesheet";
import { activityBulkResponse } from "@/lib/validation/timesheet-responses";

export const dynamic = "force-dynamic";

export const POST = timesheetRoute({
  scope: "time:write",
  permission: "TIME_TRACKER",
  body: activityBulkBody,
  maxBodyBytes: 4 * 1024 * 1024,
  idempotent: true,
  summary: "Upload activities; an activity whose clientId was stored before is skipped, so retries never double time",
  response: activityBulkResponse,
  handler: ({ db, caller, body }) => ingestActivities(db, caller, body),
});
