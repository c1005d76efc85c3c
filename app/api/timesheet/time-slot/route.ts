// GET, POST /api/timesheet/time-slot – list 10-minute activity slots; record one (a repeat replaces its figures)
import { timesheetRoute } from "@/lib/http/handler";
import { listSlots, recordSlot } from "@/lib/services/activity";
import { slotListQuery, timeSlotBody } from "@/lib/validation/timesheet";
import { slotListResponse, slotResponse } from "@/lib/validation/timesheet-responses";

export const dynamic = "force-dynamic";

export const GET = timesheetRoute({
  scope: "time:read",
  permission: "TIME_TRACKER",
  query: slotListQuery,
  summary: "List activity slots overlapping startDate..endDate (own; managers: their teams; admins: all)",
  response: slotListResponse,
  handler: ({ db, caller, query }) => listSlots(db, caller, query),
});

export const POST = timesheetRoute({
  scope: "time:write",
  permission: "TIME_TRACKER",
  body: timeSlotBody,
  idempotent: true,
  summary: "Record the keyboard, mouse and overall activity seconds of your slot holding startedAt",
  response: slotResponse,
  handler: ({ db, caller, body }) => recordSlot(db, caller, body),
});
