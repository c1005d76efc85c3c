// GET, POST /v1/projects – list the organisation's projects (paginated, oldest first); any member creates one
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { mapPage } from "@/lib/services/platform";
import { createProject, listProjects, projectView } from "@/lib/services/tracking";
import { listQuery, projectCreateBody } from "@/lib/validation/tracking";
import { projectResponse } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

export const GET = v1Route({
  scope: "time:read",
  query: listQuery,
  paginated: true,
  summary: "List projects, oldest first (paginated)",
  response: z.array(projectResponse),
  handler: async ({ db, caller, query }) => mapPage(await listProjects(db, caller, query), projectView),
});

export const POST = v1Route({
  scope: "time:write",
  body: projectCreateBody,
  status: 201,
  summary: "Create a project (externalId unique in the organisation)",
  response: projectResponse,
  handler: async ({ db, caller, body }) => projectView(await createProject(db, caller, body)),
});
