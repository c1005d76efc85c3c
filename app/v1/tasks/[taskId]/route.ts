// GET, PUT /v1/tasks/{taskId} – read a task; its creator or an admin updates it (name, description, externalId, status)
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { getTask, taskView, updateTask } from "@/lib/services/tracking";
import { uuid } from "@/lib/validation/common";
import { taskUpdateBody } from "@/lib/validation/tracking";
import { taskResponse } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

const params = z.object({ taskId: uuid });

export const GET = v1Route({
  scope: "time:read",
  params,
  summary: "Get a task",
  response: taskResponse,
  handler: async ({ db, caller, params }) => taskView(await getTask(db, caller, params.taskId)),
});

export const PUT = v1Route({
  scope: "time:write",
  params,
  body: taskUpdateBody,
  summary: "Update a task; status open or closed (a closed task cannot be started)",
  response: taskResponse,
  handler: async ({ db, caller, params, body }) => taskView(await updateTask(db, caller, params.taskId, body)),
});
