// PUT /v1/projects/{projectId}/tasks/{taskId}/move – move a task of the project to another project (body projectId)
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { moveTask, taskView } from "@/lib/services/tracking";
import { uuid } from "@/lib/validation/common";
import { moveBody } from "@/lib/validation/tracking";
import { taskResponse } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

export const PUT = v1Route({
  scope: "time:write",
  params: z.object({ projectId: uuid, taskId: uuid }),
  body: moveBody,
  summary: "Move a task to another project; its time tracks follow (except those of submitted or approved weeks)",
  response: taskResponse,
  handler: async ({ db, caller, params, body }) => taskView(await moveTask(db, caller, params.projectId, params.taskId, body.projectId)),
});
