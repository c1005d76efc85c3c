// DELETE /api/timesheet/screenshot/{id} – the owner or an admin deletes a screenshot and its files
import { z } from "zod";
import { timesheetRoute } from "@/lib/http/handler";
import { deleteScreenshot } from "@/lib/services/screenshots";
import { uuid } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

export const DELETE = timesheetRoute({
  scope: "time:write",
  permission: "TIME_TRACKER",
  params: z.object({ id: uuid }),
  status: 204,
  summary: "Delete a screenshot (owner or admin; audited)",
  handler: async ({ db, caller, params }) => {
    await deleteScreenshot(db, caller, params.id);
    return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
  },
});
