// GET, POST /v1/projects – list the organisation's projects (paginated, oldest first); any member creates one
import { z } from "zod";
import { route } from "@/lib/http/handler";
import { createProject, listProjects, projectView } from "@/lib/services/projects";
import { listQuery, projectCreateBody } from "@/lib/validation/tracking";
import { projectResponse } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

export const GET = route({
  scope: "time:read",
  query: listQuery,
  summary: "List projects (page, limit ≤ 100; oldest first)",
  response: z.array(projectResponse),
  handler: async ({ db, caller, query }) => (await listProjects(db, caller, query)).map(projectView),
});

export const POST = route({
  scope: "time:write",
  body: projectCreateBody,
  status: 201,
  summary: "Create a project (externalId unique in the organisation)",
  response: projectResponse,
  handler: async ({ db, caller, body }) => projectView(await createProject(db, caller, body)),
});
