// GET /v1/reports/tasks/{taskId}/users – a task's total time broken down by user
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { taskUsersReport } from "@/lib/services/reports";
import { uuid } from "@/lib/validation/common";
import { taskUsersReport as response } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

export const GET = v1Route({
  scope: "reports:read",
  params: z.object({ taskId: uuid }),
  summary: "Task report per user (admins, team managers for their members, the super user)",
  response,
  handler: async ({ db, caller, params }) => taskUsersReport(db, caller, params.taskId),
});
