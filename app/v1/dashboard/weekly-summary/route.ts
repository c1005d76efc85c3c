// POST /v1/dashboard/weekly-summary – day-by-day totals of the Monday-to-Sunday week(s) containing the range
import { dashboardRoute } from "@/lib/http/handler";
import { weeklySummaryResponse } from "@/lib/validation/dashboard-responses";
import { weeklySummary } from "@/lib/services/dashboards";
import { dashboardBody } from "@/lib/validation/dashboards";

export const dynamic = "force-dynamic";

export const POST = dashboardRoute({
  scope: "reports:read",
  body: dashboardBody,
  message: "Fetched weekly summary successfully",
  summary: "Fetch weekly summary",
  response: weeklySummaryResponse,
  handler: async ({ db, caller, body }) => weeklySummary(db, caller, body),
});
