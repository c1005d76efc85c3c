import { z } from "zod";
import { activityType, logSource, logType, timesheetStatus } from "@/db/schema";

// Response shapes of the /api/timesheet family (seed 004), for the OpenAPI document. The
// views in lib/services build exactly these objects.

const iso = z.string().describe("ISO 8601 date-time");
const day = z.string().describe("calendar date YYYY-MM-DD");
const seconds = z.number().int().describe("seconds");
const id = z.string();
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
/** The answer of a paged list of this family: what `list(item)` describes. */
export type ListView<T> = { items: T[]; total: number };

export const timeLogResponse = z.object({
  id,
  startedAt: iso,
  stoppedAt: iso.nullable(),
  duration: seconds.describe("seconds; a running log counts up to now"),
  logType: z.enum(logType.enumValues),
  source: z.enum(logSource.enumValues),
  description: z.string().nullable(),
  employeeId: id,
  projectId: id.nullable(),
  taskId: id.nullable(),
  timesheetId: id.nullable(),
  organizationId: id,
  isBillable: z.boolean(),
  isRunning: z.boolean(),
  createdAt: iso,
  updatedAt: iso,
});
export const timeLogListResponse = list(timeLogResponse);

export const entryChangeResponse = z.object({
  id,
  action: z.enum(["trimmed", "deleted", "stopped"]),
  startedAt: iso,
  stoppedAt: iso.nullable(),
});
export const writtenTimeLogResponse = timeLogResponse.extend({
  changedEntries: z.array(entryChangeResponse).describe("entries the organisation's trim overlap policy cut to make room (empty under reject)"),
});

export const timerStatusResponse = z.object({
  running: z.boolean(),
  log: timeLogResponse.nullable(),
  duration: seconds.describe("seconds the running log has run"),
  todayDuration: seconds.describe("seconds logged today in timeZone"),
  timeZone: z.string(),
  date: day,
});

export const sheetResponse = z.object({
  id,
  organizationId: id,
  employeeId: id,
  employeeName: z.string(),
  weekStart: day,
  weekEnd: day,
  weekStartedAt: iso.describe("the instant the sheet's week began, stored when the sheet was created (the owner's zone then); locks and totals use it"),
  weekEndedAt: iso.describe("the instant the sheet's week ended (exclusive), stored when the sheet was created"),
  status: z.enum(timesheetStatus.enumValues),
  duration: seconds.describe("seconds of the owner's entries inside [weekStartedAt, weekEndedAt): an entry across the boundary counts in both weeks, split there"),
  billableDuration: seconds,
  durationByLogType: z.object({ TRACKED: seconds, MANUAL: seconds, IDLE: seconds, RESUMED: seconds }),
  logCount: z.number().int(),
  submittedAt: iso.nullable(),
  submittedBy: id.nullable(),
  reviewedAt: iso.nullable(),
  reviewedBy: id.nullable(),
  reason: z.string().nullable(),
  createdAt: iso,
  updatedAt: iso,
});
export const sheetListResponse = list(sheetResponse);

export const activityResponse = z.object({
  id,
  clientId: z.string().nullable(),
  organizationId: id,
  employeeId: id,
  type: z.enum(activityType.enumValues),
  name: z.string().describe("APP: the application; URL: the lower-case host"),
  title: z.string().nullable(),
  url: z.string().nullable(),
  startedAt: iso,
  duration: seconds,
  projectId: id.nullable(),
  taskId: id.nullable(),
  createdAt: iso,
});
export const activityGroupResponse = z.object({ type: z.enum(activityType.enumValues), name: z.string(), duration: seconds, count: z.number().int() });
export const activityListResponse = z.object({ items: z.array(z.union([activityResponse, activityGroupResponse])), total: z.number().int() });
export const activityBulkResponse = list(activityResponse).extend({
  created: z.number().int().describe("activities of the batch stored now"),
  duplicates: z.number().int().describe("activities already stored (same clientId): not counted again"),
});

export const slotResponse = z.object({
  id,
  organizationId: id,
  employeeId: id,
  startedAt: iso,
  duration: seconds,
  keyboard: seconds,
  mouse: seconds,
  overall: seconds,
  activity: z.number().int().describe("overall activity in percent of the slot"),
});
export const slotListResponse = list(slotResponse);

export const countsResponse = z.object({
  weeklyDuration: seconds,
  weeklyActivities: z.number().int().describe("average overall activity in percent"),
  todayDuration: seconds,
  todayActivities: z.number().int(),
});

const chartGroup = z.object({ id: z.string().nullable(), name: z.string(), duration: seconds });
export const dailyChartResponse = z.object({
  items: z.array(z.object({ date: iso.describe("the local day as its midnight in UTC"), day, duration: seconds, groups: z.array(chartGroup) })),
  total: z.number().int(),
  groupBy: z.enum(["project", "task", "employee", "date"]),
  timeZone: z.string(),
  startDate: day,
  endDate: day,
});
export const timeReportResponse = z.object({
  items: z.array(chartGroup.describe("a project, task or employee (or a day with groupBy=date) and its seconds in the range")),
  total: z.number().int(),
  duration: seconds.describe("all seconds of the range"),
  groupBy: z.enum(["project", "task", "employee", "date"]),
  timeZone: z.string(),
  startDate: day,
  endDate: day,
});

// The views: each service's answer is typed by its schema, and client code imports these.
export type TimeLogView = z.output<typeof timeLogResponse>;
export type TimeLogList = z.output<typeof timeLogListResponse>;
export type EntryChangeView = z.output<typeof entryChangeResponse>;
export type WrittenTimeLogView = z.output<typeof writtenTimeLogResponse>;
export type TimerStatusView = z.output<typeof timerStatusResponse>;
export type SheetView = z.output<typeof sheetResponse>;
export type SheetList = z.output<typeof sheetListResponse>;
export type ActivityView = z.output<typeof activityResponse>;
export type ActivityGroupView = z.output<typeof activityGroupResponse>;
export type ActivityList = z.output<typeof activityListResponse>;
export type ActivityBulkView = z.output<typeof activityBulkResponse>;
export type SlotView = z.output<typeof slotResponse>;
export type SlotList = z.output<typeof slotListResponse>;
export type CountsView = z.output<typeof countsResponse>;
export type DailyChartView = z.output<typeof dailyChartResponse>;
export type TimeReportView = z.output<typeof timeReportResponse>;
