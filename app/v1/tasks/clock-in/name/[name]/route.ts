// POST /v1/tasks/clock-in/name/{name} – start tracking the task of this name, creating it when missing
import { v1Route } from "@/lib/http/handler";
import { toTimeTrack, clockIn } from "@/lib/services/tracking";
import { clockInNameParams } from "@/lib/validation/tracking";
import { trackResponse } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

export const POST = v1Route({
  scope: "time:write",
  params: clockInNameParams,
  status: 201,
  summary: "Clock in by task name (case-insensitive; the task is created once even under concurrent calls)",
  response: trackResponse,
  handler: async ({ db, caller, params }) => toTimeTrack((await clockIn(db, caller, { name: params.name })).entry),
});
