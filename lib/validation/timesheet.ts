import { z } from "zod";
import { activityType, logSource, logType, timesheetStatus } from "@/db/schema";
import { dateInputSchema } from "@/lib/time";
import { description, pagination, timeZone, uuid, isoInstant } from "./common";

// Requests of the /api/timesheet family (seed 004). Range semantics: lib/time/ranges.ts.

const dateParam = dateInputSchema;

/** One id or the parameter repeated (`?employeeId=a&employeeId=b`). */
export const idList = z
  .union([uuid, z.array(uuid).max(100, "must hold at most 100 ids")])
  .transform((v) => (Array.isArray(v) ? v : [v]));

export const rangeQuery = {
  startDate: dateParam.optional(),
  endDate: dateParam.optional(),
  timeZone: timeZone.optional(),
};

export const logTypeEnum = z.enum(logType.enumValues, { message: `must be one of ${logType.enumValues.join(", ")}` });
/** Some clients still send BROWSER for the web timer; answers always say WEB_TIMER. */
export const logSourceInput = z
  .enum([...logSource.enumValues, "BROWSER"], { message: `must be one of ${logSource.enumValues.join(", ")}` })
  .transform((s) => (s === "BROWSER" ? "WEB_TIMER" : s));

/** Accepted in bodies for the seed's sake; must be the caller's organisation. */
const organizationId = uuid.optional();
const optionalRef = uuid.nullable().optional();
const text = description.nullable().optional();

export const timeLogListQuery = z.object({
  ...rangeQuery,
  employeeId: idList.optional(),
  projectId: uuid.optional(),
  taskId: uuid.optional(),
  logType: logTypeEnum.optional(),
  source: logSourceInput.optional(),
  ...pagination,
});
export type TimeLogListQuery = z.infer<typeof timeLogListQuery>;

export const timeLogCreateBody = z.object({
  startedAt: isoInstant,
  stoppedAt: isoInstant,
  logType: logTypeEnum.optional(),
  source: logSourceInput.optional(),
  description: text,
  projectId: optionalRef,
  taskId: optionalRef,
  organizationId,
  isBillable: z.boolean({ message: "must be true or false" }).optional(),
  /** An admin may log time for someone else; everyone else logs their own. */
  employeeId: uuid.optional(),
});
export type TimeLogCreateBody = z.infer<typeof timeLogCreateBody>;

export const timeLogUpdateBody = timeLogCreateBody.omit({ employeeId: true }).partial();
export type TimeLogUpdateBody = z.infer<typeof timeLogUpdateBody>;

export const timerStartBody = z.object({
  projectId: optionalRef,
  taskId: optionalRef,
  organizationId,
  description: text,
  source: logSourceInput.optional(),
  isBillable: z.boolean({ message: "must be true or false" }).optional(),
});
export type TimerStartBody = z.infer<typeof timerStartBody>;

export const timerStopBody = z.object({ organizationId }).optional().transform((b) => b ?? {});
export const timerStatusQuery = z.object({ timeZone: timeZone.optional() });

const ids = z
  .array(uuid, { message: "must be an array of timesheet ids" })
  .min(1, "must hold at least one id")
  .max(100, "must hold at most 100 ids")
  .transform((a) => [...new Set(a)]);

export const sheetIdsBody = z.object({ ids, organizationId });
export const submitBody = z.object({
  ids,
  organizationId,
  status: z.literal("PENDING", { message: "must be PENDING (submitting moves a sheet to PENDING)" }).default("PENDING"),
});
export const denyBody = z.object({
  ids,
  organizationId,
  // Optional, as in seed 004's example `{ ids }` (the web approvals page still asks for one); blank = none.
  reason: z
    .string({ message: "must be a string" })
    .trim()
    .max(2000)
    .optional()
    .transform((r) => r || undefined)
    .describe("why the timesheets are denied; shown to their owners"),
});
export const reopenBody = z.object({ ids, organizationId, reason: z.string().trim().max(2000).optional() });

export const sheetListQuery = z.object({
  ...rangeQuery,
  employeeId: idList.optional(),
  status: z.enum(timesheetStatus.enumValues, { message: `must be one of ${timesheetStatus.enumValues.join(", ")}` }).optional(),
  ...pagination,
});
export type SheetListQuery = z.infer<typeof sheetListQuery>;

export const activityListQuery = z.object({
  ...rangeQuery,
  employeeId: idList.optional(),
  type: z.enum(activityType.enumValues, { message: "must be APP or URL" }).optional(),
  /** `name`: one row per app or host with the summed duration, longest first. */
  groupBy: z.enum(["name"], { message: "must be name" }).optional(),
  ...pagination,
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;

export const MAX_ACTIVITY_BATCH = 1000;
export const activityInput = z.object({
  /** The agent's id for the activity: a retried upload with the same id is not counted twice. */
  clientId: z.string().trim().min(1, "must not be empty").max(200).optional(),
  type: z.enum(activityType.enumValues, { message: "must be APP or URL" }),
  name: z.string().trim().min(1, "must not be empty").max(500).optional(),
  title: z.string().max(2000).optional(),
  url: z.string().max(4000).optional(),
  startedAt: isoInstant,
  duration: z.number({ message: "must be a number of seconds" }).int("must be whole seconds").min(1, "must be at least 1 second").max(86_400, "must be at most 86400 seconds"),
  projectId: optionalRef,
  taskId: optionalRef,
});
export type ActivityInput = z.infer<typeof activityInput>;
export const activityBulkBody = z.object({
  organizationId,
  activities: z.array(activityInput).min(1, "must hold at least one activity").max(MAX_ACTIVITY_BATCH, `must hold at most ${MAX_ACTIVITY_BATCH} activities`),
});

const seconds = (what: string) => z.number({ message: `must be a number of seconds ${what}` }).int("must be whole seconds").min(0, "must not be negative");
export const timeSlotBody = z
  .object({
    organizationId,
    startedAt: isoInstant,
    duration: z.number({ message: "must be a number of seconds" }).int("must be whole seconds").min(1, "must be at least 1").max(600, "must be at most 600 (a slot is 10 minutes)").default(600),
    keyboard: seconds("with keyboard activity"),
    mouse: seconds("with mouse activity"),
    overall: seconds("with any activity"),
  })
  .superRefine((b, ctx) => {
    for (const k of ["keyboard", "mouse", "overall"] as const) {
      if (b[k] > b.duration) ctx.addIssue({ code: "custom", path: [k], message: `must not exceed duration (${b.duration})` });
    }
  });
export type TimeSlotBody = z.infer<typeof timeSlotBody>;

export const slotListQuery = z.object({ ...rangeQuery, employeeId: idList.optional(), ...pagination });
export type SlotListQuery = z.infer<typeof slotListQuery>;

export const statisticsQuery = z.object({ ...rangeQuery, employeeId: idList.optional() });
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

export const CHART_GROUPS = ["project", "task", "employee", "date"] as const;
export const MAX_CHART_DAYS = 366;
export const dailyChartQuery = z.object({
  ...rangeQuery,
  groupBy: z.enum(CHART_GROUPS, { message: `must be one of ${CHART_GROUPS.join(", ")}` }).default("project"),
  employeeId: idList.optional(),
  projectId: uuid.optional(),
});
export type DailyChartQuery = z.infer<typeof dailyChartQuery>;
