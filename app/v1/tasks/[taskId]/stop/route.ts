// POST /v1/tasks/{taskId}/stop – stop the caller's running track on the task
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { toTimeTrack, stopTask } from "@/lib/services/tracking";
import { uuid } from "@/lib/validation/common";
import { trackResponse } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

export const POST = v1Route({
  scope: "time:write",
  params: z.object({ taskId: uuid }),
  summary: "Stop tracking the task (409 timer_not_running when the caller's timer is not on it)",
  response: trackResponse,
  handler: async ({ db, caller, params }) => toTimeTrack(await stopTask(db, caller, params.taskId)),
});
