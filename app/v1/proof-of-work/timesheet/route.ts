// POST /v1/proof-of-work/timesheet – one page of users with their daily tracked time, check-in and check-out
import { powRoute } from "@/lib/http/handler";
import { proofOfWorkResponse } from "@/lib/validation/dashboard-responses";
import { proofOfWork } from "@/lib/services/dashboards";
import { proofOfWorkBody } from "@/lib/validation/dashboards";

export const dynamic = "force-dynamic";

export const POST = powRoute({
  scope: "reports:read",
  body: proofOfWorkBody,
  message: "Fetched timesheet successfully",
  summary: "Fetch timesheet (proof of work)",
  response: proofOfWorkResponse,
  handler: async ({ db, caller, body }) => proofOfWork(db, caller, body),
});
