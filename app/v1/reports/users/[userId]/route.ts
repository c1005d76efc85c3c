// GET /v1/reports/users/{userId} – a user's time per project in a range of at most 7 days (startDate, endDate in Unix ms)
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { userReport } from "@/lib/services/reports";
import { uuid } from "@/lib/validation/common";
import { userReportQuery } from "@/lib/validation/tracking";
import { userReport as response } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

export const GET = v1Route({
  scope: "reports:read",
  params: z.object({ userId: uuid }),
  query: userReportQuery,
  summary: "User report per project over at most 7 days (admins, the user's team managers, the super user)",
  response,
  handler: async ({ db, caller, params, query }) => userReport(db, caller, params.userId, query),
});
