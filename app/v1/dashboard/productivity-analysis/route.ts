// POST /v1/dashboard/productivity-analysis – per user active time split into productive, unproductive and neutral
import { dashboardRoute } from "@/lib/http/handler";
import { productivityAnalysisResponse } from "@/lib/validation/dashboard-responses";
import { productivityAnalysis } from "@/lib/services/dashboards";
import { dashboardBody } from "@/lib/validation/dashboards";

export const dynamic = "force-dynamic";

export const POST = dashboardRoute({
  scope: "reports:read",
  body: dashboardBody,
  message: "Fetched productivity analysis successfully",
  summary: "Fetch productivity analysis",
  response: productivityAnalysisResponse,
  handler: async ({ db, caller, body }) => productivityAnalysis(db, caller, body),
});
