// GET, POST /api/timesheet/time-log – list time logs; create a log (MANUAL unless logType says otherwise)
import { timesheetRoute } from "@/lib/http/handler";
import { createTimeLog, listTimeLogs } from "@/lib/services/tracking";
import { timeLogCreateBody, timeLogListQuery } from "@/lib/validation/timesheet";
import { timeLogListResponse, writtenTimeLogResponse } from "@/lib/validation/timesheet-responses";

export const dynamic = "force-dynamic";

export const GET = timesheetRoute({
  scope: "time:read",
  permission: "TIME_TRACKER",
  query: timeLogListQuery,
  summary: "List time logs overlapping startDate..endDate, newest first (own; managers: their teams; admins: the organisation)",
  response: timeLogListResponse,
  handler: ({ db, caller, query }) => listTimeLogs(db, caller, query),
});

export const POST = timesheetRoute({
  scope: "time:write",
  permission: "TIME_TRACKER",
  idempotent: true,
  body: timeLogCreateBody,
  status: 201,
  summary: "Create a time log; with the trim overlap policy, changedEntries lists the entries cut to make room",
  response: writtenTimeLogResponse,
  handler: ({ db, caller, body }) => createTimeLog(db, caller, body),
});
