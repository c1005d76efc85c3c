import { z } from "zod";
import { isoInstant, pagination, timeZone, uuid } from "./common";

// /api/timesheet/screenshot: the list's query, the upload's form fields, the item shape.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
function isCalendarDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() + 1 === Number(m[2]) && d.getUTCDate() === Number(m[3]);
}

/** A calendar day (read in the caller's time zone) or an instant. */
const rangeBound = z
  .string({ message: "is required" })
  .refine((s) => isCalendarDay(s) || isoInstant.safeParse(s).success, { message: "must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a time zone" })
  .transform((s): { day: string } | { instant: Date } => (isCalendarDay(s) ? { day: s } : { instant: new Date(s) }));

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
