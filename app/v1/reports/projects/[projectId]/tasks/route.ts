// GET /v1/reports/projects/{projectId}/tasks – a project's total time broken down by task
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { projectTasksReport } from "@/lib/services/reports";
import { uuid } from "@/lib/validation/common";
import { projectTasksReport as response } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

export const GET = v1Route({
  scope: "reports:read",
  params: z.object({ projectId: uuid }),
  summary: "Project report per task (admins, team managers for their members, the super user)",
  response,
  handler: async ({ db, caller, params }) => projectTasksReport(db, caller, params.projectId),
});
