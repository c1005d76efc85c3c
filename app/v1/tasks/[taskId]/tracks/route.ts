// GET, POST /v1/tasks/{taskId}/tracks – list the task's time tracks the caller may read; record the caller's time on it
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { mapPage } from "@/lib/services/platform";
import { toTimeTrack, createTrack, listTracks } from "@/lib/services/tracking";
import { uuid } from "@/lib/validation/common";
import { listQuery, trackCreateBody } from "@/lib/validation/tracking";
import { trackResponse } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

const params = z.object({ taskId: uuid });

export const GET = v1Route({
  scope: "time:read",
  params,
  query: listQuery,
  paginated: true,
  summary: "List the task's time tracks (members: their own; managers: also their teams'; admins: all), oldest first (paginated)",
  response: z.array(trackResponse),
  handler: async ({ db, caller, params, query }) => mapPage(await listTracks(db, caller, params.taskId, query), (e) => toTimeTrack(e)),
});

export const POST = v1Route({
  scope: "time:write",
  params,
  body: trackCreateBody,
  fields: { startedAt: "body.start", stoppedAt: "body.end" },
  status: 201,
  summary: "Create a time track (start, optional end in Unix ms; ≤ 24 h, no overlap, open week)",
  response: trackResponse,
  handler: async ({ db, caller, params, body }) => toTimeTrack(await createTrack(db, caller, params.taskId, body)),
});
