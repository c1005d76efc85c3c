// GET, PUT, DELETE /v1/tasks/{taskId}/tracks/{trackId} – read a time track; its owner or an admin changes or deletes it
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { toTimeTrack, deleteTrack, getTrack, updateTrack } from "@/lib/services/tracking";
import { uuid } from "@/lib/validation/common";
import { trackUpdateBody } from "@/lib/validation/tracking";
import { messageResponse } from "@/lib/validation/account-responses";
import { trackResponse } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

const params = z.object({ taskId: uuid, trackId: uuid });

export const GET = v1Route({
  scope: "time:read",
  params,
  summary: "Get a time track",
  response: trackResponse,
  handler: async ({ db, caller, params }) => toTimeTrack(await getTrack(db, caller, params.taskId, params.trackId)),
});

export const PUT = v1Route({
  scope: "time:write",
  params,
  body: trackUpdateBody,
  fields: { startedAt: "body.start", stoppedAt: "body.end" },
  summary: "Change a time track's start or end (the owner or an admin)",
  response: trackResponse,
  handler: async ({ db, caller, params, body }) => toTimeTrack(await updateTrack(db, caller, params.taskId, params.trackId, body)),
});

export const DELETE = v1Route({
  scope: "time:write",
  params,
  summary: "Delete a time track (the owner or an admin)",
  response: messageResponse,
  handler: async ({ db, caller, params }) => {
    await deleteTrack(db, caller, params.taskId, params.trackId);
    return { message: "Time track deleted" };
  },
});
