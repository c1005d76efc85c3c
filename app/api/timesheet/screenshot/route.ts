// GET, POST /api/timesheet/screenshot – list a user's screenshots in a range; a desktop agent uploads one
import { z } from "zod";
import { timesheetRoute } from "@/lib/http/handler";
import { readMultipart } from "@/lib/http/multipart";
import { zodToAppError } from "@/lib/http/zod-error";
import { AppError, invalidField } from "@/lib/errors";
import { listScreenshots, uploadScreenshot, MAX_SCREENSHOT_BYTES } from "@/lib/services/screenshots";
import { UPLOAD_LIMIT } from "@/lib/services/platform";
import { screenshotListQuery, screenshotListResponse, screenshotResponse, screenshotUploadFields } from "@/lib/validation/screenshots";

export const dynamic = "force-dynamic";

export const GET = timesheetRoute({
  scope: "time:read",
  permission: "TIME_TRACKER",
  query: screenshotListQuery,
  summary: "List screenshots (the caller's, or employeeId's for their managers and admins), newest first",
  response: screenshotListResponse,
  handler: async ({ db, caller, query }) => listScreenshots(db, caller, query),
});

// Room for the form's other fields and boundaries next to the largest image.
const MAX_FORM_BYTES = MAX_SCREENSHOT_BYTES + 64 * 1024;

export const POST = timesheetRoute({
  scope: "time:write",
  permission: "TIME_TRACKER",
  idempotent: true,
  throttled: true,
  rawBody: true,
  maxBodyBytes: MAX_FORM_BYTES,
  form: screenshotUploadFields.extend({ file: z.file().describe(`PNG, JPEG or WebP (by content), at most ${MAX_SCREENSHOT_BYTES} bytes`) }),
  status: 201,
  summary: `Upload a screenshot (multipart: file, recordedAt, optional timeSlotId); a retry answers the stored one with 200; at most ${UPLOAD_LIMIT.max} new uploads per user in ${UPLOAD_LIMIT.windowMs / 60_000} minutes (429 with Retry-After)`,
  response: screenshotResponse,
  handler: async ({ req, db, caller }) => {
    const form = await readMultipart(req, MAX_FORM_BYTES);
    const parsed = screenshotUploadFields.safeParse({
      recordedAt: form.get("recordedAt") ?? undefined,
      timeSlotId: form.get("timeSlotId") || undefined,
    });
    if (!parsed.success) throw zodToAppError(parsed.error, "body");
    const file = form.get("file");
    if (!(file instanceof Blob)) throw invalidField("body.file", "is required (an image file part)");
    if (file.size > MAX_SCREENSHOT_BYTES) throw new AppError("payload_too_large", `body.file: larger than ${MAX_SCREENSHOT_BYTES} bytes`, { field: "body.file" });
    const { screenshot, created } = await uploadScreenshot(db, caller, { bytes: Buffer.from(await file.arrayBuffer()), ...parsed.data });
    return Response.json(screenshot, { status: created ? 201 : 200, headers: { "cache-control": "no-store" } });
  },
});
