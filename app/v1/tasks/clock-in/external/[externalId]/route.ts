// POST /v1/tasks/clock-in/external/{externalId} – start tracking the task with this external id, creating it when missing
import { v1Route } from "@/lib/http/handler";
import { toTimeTrack, clockIn } from "@/lib/services/tracking";
import { clockInExternalParams } from "@/lib/validation/tracking";
import { trackResponse } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

export const POST = v1Route({
  scope: "time:write",
  params: clockInExternalParams,
  status: 201,
  summary: "Clock in by external id (e.g. JIRA-492); a missing task is created, named after the id",
  response: trackResponse,
  handler: async ({ db, caller, params }) => toTimeTrack((await clockIn(db, caller, { externalId: params.externalId })).entry),
});
