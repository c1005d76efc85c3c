// GET, PUT /v1/projects/{projectId} – read a project; its creator or an admin updates it
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { getProject, projectView, updateProject } from "@/lib/services/tracking";
import { uuid } from "@/lib/validation/common";
import { projectUpdateBody } from "@/lib/validation/tracking";
import { projectResponse } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

const params = z.object({ projectId: uuid });

export const GET = v1Route({
  scope: "time:read",
  params,
  summary: "Get a project",
  response: projectResponse,
  handler: async ({ db, caller, params }) => projectView(await getProject(db, caller, params.projectId)),
});

export const PUT = v1Route({
  scope: "time:write",
  params,
  body: projectUpdateBody,
  summary: "Update a project's name, description or externalId (its creator or an admin)",
  response: projectResponse,
  handler: async ({ db, caller, params, body }) => projectView(await updateProject(db, caller, params.projectId, body)),
});
