// GET /api/timesheet/screenshot/{id}/thumb – the screenshot's thumbnail (WebP), for its owner, the owner's team managers and admins
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
  summary: "Fetch a screenshot's thumbnail (WebP); anyone but its owner, their team managers and admins gets 404",
  handler: async ({ db, caller, params }) => {
    const { data, contentType } = await readScreenshotImage(db, caller, params.id, "thumb");
    return imageResponse(data, contentType, `${params.id}-thumb.${contentType.split("/")[1]}`);
  },
});
