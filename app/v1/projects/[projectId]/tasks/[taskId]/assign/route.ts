// POST /v1/projects/{projectId}/tasks/{taskId}/assign – assign a standalone task to the project
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { assignTask, taskView } from "@/lib/services/tracking";
import { uuid } from "@/lib/validation/common";
import { taskResponse } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

export const POST = v1Route({
  scope: "time:write",
  params: z.object({ projectId: uuid, taskId: uuid }),
  summary: "Assign a standalone task to the project (409 when it belongs to another project: move it)",
  response: taskResponse,
  handler: async ({ db, caller, params }) => taskView(await assignTask(db, caller, params.projectId, params.taskId)),
});
