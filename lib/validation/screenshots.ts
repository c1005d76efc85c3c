import { z } from "zod";
import { DAY_RANGE_MESSAGE, RANGE_MESSAGE, isCalendarDay, isDayInRange } from "@/lib/time/instants";
import { isoInstant, pagination, timeZone, uuid } from "./common";

// /api/timesheet/screenshot: the list's query, the upload's form fields, the item shape.

/** A calendar day (read in the caller's time zone) or an instant, both within the accepted range. */
const rangeBound = z.string({ message: "is required" }).transform((s, ctx): { day: string } | { instant: Date } => {
  if (isCalendarDay(s)) {
    if (isDayInRange(s)) return { day: s };
    ctx.addIssue({ code: "custom", message: DAY_RANGE_MESSAGE });
    return z.NEVER;
  }
  const instant = isoInstant.safeParse(s);
  if (instant.success) return { instant: instant.data };
  const shapeOk = z.iso.datetime({ offset: true }).safeParse(s).success;
  ctx.addIssue({ code: "custom", message: shapeOk ? RANGE_MESSAGE : "must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a time zone" });
  return z.NEVER;
});

export const screenshotListQuery = z.object({
  startDate: rangeBound,
  endDate: rangeBound,
  employeeId: uuid.optional(),
  /** Time zone of calendar-day bounds; default: the caller's. */
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
