// GET /v1/reports/tasks/{taskId}/tracks – a task's total time with every time track it sums
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { taskTracksReport } from "@/lib/services/reports";
import { uuid } from "@/lib/validation/common";
import { taskTracksReport as response } from "@/lib/validation/tracking-responses";

export const dynamic = "force-dynamic";

export const GET = v1Route({
  scope: "reports:read",
  params: z.object({ taskId: uuid }),
  summary: "Task report with its time tracks (admins, team managers for their members, the super user)",
  response,
  handler: async ({ db, caller, params }) => taskTracksReport(db, caller, params.taskId),
});
