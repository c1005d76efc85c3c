// GET, POST /v1/projects/{projectId}/tasks – list a project's tasks (paginated); add a new task to it
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { mapPage } from "@/lib/services/platform";
import { createTask, listProjectTasks, taskView } from "@/lib/services/tracking";
import { uuid } from "@/lib/validation/common";
import { listQuery, projectTaskCreateBody } from "@/lib/validation/tracking";
import { taskResponse } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

const params = z.object({ projectId: uuid });

export const GET = v1Route({
  scope: "time:read",
  params,
  query: listQuery,
  paginated: true,
  summary: "List the project's tasks, oldest first (paginated)",
  response: z.array(taskResponse),
  handler: async ({ db, caller, params, query }) => mapPage(await listProjectTasks(db, caller, params.projectId, query), taskView),
});

export const POST = v1Route({
  scope: "time:write",
  params,
  body: projectTaskCreateBody,
  status: 201,
  summary: "Create a task in the project",
  response: taskResponse,
  handler: async ({ db, caller, params, body }) => taskView(await createTask(db, caller, { ...body, projectId: params.projectId })),
});
