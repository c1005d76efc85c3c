// GET, POST /v1/tasks – list the organisation's tasks (paginated; status and projectId filters); any member creates one
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { mapPage } from "@/lib/services/platform";
import { createTask, listTasks, taskView } from "@/lib/services/tracking";
import { taskCreateBody, taskListQuery } from "@/lib/validation/tracking";
import { taskResponse } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

export const GET = v1Route({
  scope: "time:read",
  query: taskListQuery,
  paginated: true,
  summary: "List tasks, oldest first (paginated; status and projectId filters)",
  response: z.array(taskResponse),
  handler: async ({ db, caller, query }) => mapPage(await listTasks(db, caller, query, query), taskView),
});

export const POST = v1Route({
  scope: "time:write",
  body: taskCreateBody,
  status: 201,
  summary: "Create a task, standalone or in a project (externalId unique in the organisation)",
  response: taskResponse,
  handler: async ({ db, caller, body }) => taskView(await createTask(db, caller, body)),
});
