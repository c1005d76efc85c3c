// GET /api/health – liveness and database readiness (503 when the database is gone)
import { getDbHandle } from "@/db/client";
import { timesheetRoute } from "@/lib/http/handler";
import { databaseHealth } from "@/lib/services/platform";

export const dynamic = "force-dynamic";

export const GET = timesheetRoute({
  auth: "none",
  summary: "Health of the app and its database",
  handler: async () => databaseHealth(await getDbHandle()),
});
