import { sql } from "drizzle-orm";
import {
  boolean, check, date, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, orgId, tstz, updatedAt } from "./_common";
import { users } from "./users";
import { projects, tasks } from "./projects";

export const timesheetStatus = pgEnum("timesheet_status", ["DRAFT", "PENDING", "IN_REVIEW", "APPROVED", "DENIED"]);

// One sheet per user and Monday-based week (the week as the user's time zone saw it when the
// sheet was created). The instants the week began and ended are stored then and never follow
// a later zone change: locks and totals use them (lib/services/timesheets/weeks.ts). A user's
// sheets never overlap (exclusion constraint in the migration).
export const timesheets = pgTable(
  "timesheets",
  {
    organizationId: orgId(),
    id: id(),
    userId: uuid("user_id").notNull(),
    weekStart: date("week_start", { mode: "string" }).notNull(),
    weekStartedAt: tstz("week_started_at").notNull(),
    weekEndedAt: tstz("week_ended_at").notNull(),
    status: timesheetStatus("status").notNull().default("DRAFT"),
    submittedAt: tstz("submitted_at"),
    submittedBy: uuid("submitted_by"),
    reviewedAt: tstz("reviewed_at"),
    reviewedBy: uuid("reviewed_by"),
    reason: text("reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.userId], foreignColumns: [users.organizationId, users.id] }).onDelete("cascade"),
    uniqueIndex("timesheets_org_user_week_uq").on(t.organizationId, t.userId, t.weekStart),
    index("timesheets_org_status_idx").on(t.organizationId, t.status, t.weekStart),
    check("timesheets_week_ends_after_start", sql`${t.weekEndedAt} > ${t.weekStartedAt}`),
  ],
);

export const logType = pgEnum("log_type", ["TRACKED", "MANUAL", "IDLE", "RESUMED"]);
export const logSource = pgEnum("log_source", ["WEB_TIMER", "DESKTOP", "MOBILE", "BROWSER_EXTENSION", "HUBSTAFF", "UPWORK"]);

// The one time entry behind /v1 time tracks, /api/timesheet time logs and the dashboards.
// Database guarantees (see the custom migration): one running entry per user, and no
// two entries of a user overlapping (exclusion constraint over tstzrange).
export const timeEntries = pgTable(
  "time_entries",
  {
    organizationId: orgId(),
    id: id(),
    userId: uuid("user_id").notNull(),
    projectId: uuid("project_id"),
    taskId: uuid("task_id"),
    timesheetId: uuid("timesheet_id"),
    startedAt: tstz("started_at").notNull(),
    stoppedAt: tstz("stopped_at"),
    logType: logType("log_type").notNull().default("TRACKED"),
    source: logSource("source").notNull().default("WEB_TIMER"),
    description: text("description"),
    isBillable: boolean("is_billable").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.userId], foreignColumns: [users.organizationId, users.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organizationId, t.projectId], foreignColumns: [projects.organizationId, projects.id] }),
    foreignKey({ columns: [t.organizationId, t.taskId], foreignColumns: [tasks.organizationId, tasks.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organizationId, t.timesheetId], foreignColumns: [timesheets.organizationId, timesheets.id] }),
    check("time_entries_stop_after_start", sql`${t.stoppedAt} is null or ${t.stoppedAt} > ${t.startedAt}`),
    // instants are whole seconds, so every sum at any grouping agrees (SPEC.md)
    check("time_entries_whole_seconds", sql`date_trunc('second', ${t.startedAt}) = ${t.startedAt} and (${t.stoppedAt} is null or date_trunc('second', ${t.stoppedAt}) = ${t.stoppedAt})`),
    uniqueIndex("time_entries_one_running_uq").on(t.organizationId, t.userId).where(sql`${t.stoppedAt} is null`),
    // lists, timesheets and dashboards: one user's entries in a range
    index("time_entries_org_user_start_idx").on(t.organizationId, t.userId, t.startedAt),
    index("time_entries_org_task_idx").on(t.organizationId, t.taskId),
    index("time_entries_org_project_start_idx").on(t.organizationId, t.projectId, t.startedAt),
    index("time_entries_org_timesheet_idx").on(t.organizationId, t.timesheetId),
  ],
);

// 10-minute activity slots reported by desktop agents.
export const timeSlots = pgTable(
  "time_slots",
  {
    organizationId: orgId(),
    id: id(),
    userId: uuid("user_id").notNull(),
    startedAt: tstz("started_at").notNull(), // aligned to 10 minutes
    duration: integer("duration").notNull().default(600),
    keyboard: integer("keyboard").notNull().default(0), // seconds with keyboard activity
    mouse: integer("mouse").notNull().default(0),
    overall: integer("overall").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.userId], foreignColumns: [users.organizationId, users.id] }).onDelete("cascade"),
    uniqueIndex("time_slots_org_user_start_uq").on(t.organizationId, t.userId, t.startedAt),
    check("time_slots_ranges", sql`${t.duration} between 1 and 600 and ${t.keyboard} between 0 and ${t.duration} and ${t.mouse} between 0 and ${t.duration} and ${t.overall} between 0 and ${t.duration}`),
  ],
);

export const activityType = pgEnum("activity_type", ["APP", "URL"]);

export const activities = pgTable(
  "activities",
  {
    organizationId: orgId(),
    id: id(),
    userId: uuid("user_id").notNull(),
    projectId: uuid("project_id"),
    taskId: uuid("task_id"),
    type: activityType("type").notNull(),
    // APP: the application's name; URL: the host (lower case), used by productivity rules
    name: text("name").notNull(),
    title: text("title"),
    url: text("url"),
    startedAt: tstz("started_at").notNull(),
    duration: integer("duration").notNull(), // seconds
    clientId: text("client_id"), // the agent's id, so a retried upload never doubles time
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.userId], foreignColumns: [users.organizationId, users.id] }).onDelete("cascade"),
    uniqueIndex("activities_org_user_client_uq").on(t.organizationId, t.userId, t.clientId).where(sql`${t.clientId} is not null`),
    index("activities_org_user_start_idx").on(t.organizationId, t.userId, t.startedAt),
    check("activities_duration_positive", sql`${t.duration} > 0`),
    check("activities_whole_seconds", sql`date_trunc('second', ${t.startedAt}) = ${t.startedAt}`),
  ],
);

export const screenshots = pgTable(
  "screenshots",
  {
    organizationId: orgId(),
    id: id(),
    userId: uuid("user_id").notNull(),
    timeSlotId: uuid("time_slot_id"),
    recordedAt: tstz("recorded_at").notNull(),
    provider: text("provider").notNull(), // "local" | "uploadthing"
    fileKey: text("file_key").notNull(),
    thumbKey: text("thumb_key").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    isBlurred: boolean("is_blurred").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.userId], foreignColumns: [users.organizationId, users.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organizationId, t.timeSlotId], foreignColumns: [timeSlots.organizationId, timeSlots.id] }),
    uniqueIndex("screenshots_org_user_recorded_uq").on(t.organizationId, t.userId, t.recordedAt),
    index("screenshots_org_recorded_idx").on(t.organizationId, t.recordedAt),
  ],
);

export type TimeEntry = typeof timeEntries.$inferSelect;
export type Timesheet = typeof timesheets.$inferSelect;
export type TimeSlot = typeof timeSlots.$inferSelect;
export type Activity = typeof activities.$inferSelect;
export type Screenshot = typeof screenshots.$inferSelect;
