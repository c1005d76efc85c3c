import { z } from "zod";
import { requiredDateInputSchema } from "@/lib/time";
import { isoInstant, pagination, timeZone, uuid } from "./common";
import { idList } from "./timesheet";

// /api/timesheet/screenshot: the list's query, the upload's form fields, the item shape.

export const screenshotListQuery = z.object({
  // The forms and scope of every /api/timesheet list (docs/timesheet-api.md), both ends required.
  startDate: requiredDateInputSchema,
  endDate: requiredDateInputSchema,
  employeeId: idList.optional(),
  /** Time zone of calendar-day and local date-time bounds; default: the caller's. */
  timeZone: timeZone.optional(),
  ...pagination,
});
export type ScreenshotListQuery = z.infer<typeof screenshotListQuery>;

export const screenshotUploadFields = z.object({
  recordedAt: z.string({ message: "is required" }).pipe(isoInstant),
  timeSlotId: uuid.optional(),
});

export const screenshotResponse = z.object({
  id: z.uuid(),
  file: z.string(),
  thumb: z.string(),
  recordedAt: z.string(),
  timeSlotId: z.uuid().nullable(),
  employeeId: z.uuid(),
});

export const screenshotListResponse = z.object({ items: z.array(screenshotResponse), total: z.number().int() });
export type ScreenshotView = z.output<typeof screenshotResponse>;
