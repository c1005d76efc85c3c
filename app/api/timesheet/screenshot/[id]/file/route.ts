// GET /api/timesheet/screenshot/{id}/file – the screenshot image, for its owner, the owner's team managers and admins
import { z } from "zod";
import { timesheetRoute } from "@/lib/http/handler";
import { imageResponse } from "@/lib/http/image-response";
import { readScreenshotImage } from "@/lib/services/screenshots";
import { uuid } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

export const GET = timesheetRoute({
  scope: "time:read",
  permission: "TIME_TRACKER",
  params: z.object({ id: uuid }),
  summary: "Fetch a screenshot's image (PNG, JPEG or WebP); anyone but its owner, their team managers and admins gets 404",
  handler: async ({ db, caller, params }) => {
    const { data, contentType } = await readScreenshotImage(db, caller, params.id, "file");
    return imageResponse(data, contentType, `${params.id}.${contentType.split("/")[1]}`);
  },
});
