// GET /api/health/live – liveness only: the process answers, without asking the database
// (for an orchestrator's liveness probe; /api/health is the readiness probe).
import { timesheetRoute } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = timesheetRoute({
  auth: "none",
  summary: "Liveness of the app process (no database round trip)",
  handler: async () => ({ status: "ok" as const }),
});
