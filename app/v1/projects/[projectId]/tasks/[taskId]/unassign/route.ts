// POST /v1/projects/{projectId}/tasks/{taskId}/unassign – detach a task from the project, keeping it and its tracks
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { taskView, unassignTask } from "@/lib/services/tracking";
import { uuid } from "@/lib/validation/common";
import { taskResponse } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

export const POST = v1Route({
  scope: "time:write",
  params: z.object({ projectId: uuid, taskId: uuid }),
  summary: "Unassign a task from the project; the task and its time tracks stay",
  response: taskResponse,
  handler: async ({ db, caller, params }) => taskView(await unassignTask(db, caller, params.projectId, params.taskId)),
});
