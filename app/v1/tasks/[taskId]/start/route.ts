// POST /v1/tasks/{taskId}/start – start the caller's timer on the task, stopping a running one at the same instant
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { toTimeTrack, startTask } from "@/lib/services/tracking";
import { uuid } from "@/lib/validation/common";
import { trackResponse } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

export const POST = v1Route({
  scope: "time:write",
  params: z.object({ taskId: uuid }),
  status: 201,
  summary: "Start tracking the task (a running track of another task is stopped; 409 task_closed)",
  response: trackResponse,
  handler: async ({ db, caller, params }) => toTimeTrack(await startTask(db, caller, params.taskId)),
});
