// GET /v1/reports/projects/{projectId}/users – a project's total time broken down by user
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { projectUsersReport } from "@/lib/services/reports";
import { uuid } from "@/lib/validation/common";
import { projectUsersReport as response } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

export const GET = v1Route({
  scope: "reports:read",
  params: z.object({ projectId: uuid }),
  summary: "Project report per user (admins, team managers for their members, the super user)",
  response,
  handler: async ({ db, caller, params }) => projectUsersReport(db, caller, params.projectId),
});
