import { sql } from "drizzle-orm";
import { bigint, date, foreignKey, numeric, pgTable, primaryKey, smallint, text, uuid } from "drizzle-orm/pg-core";
import { orgId, tstz } from "./_common";
import { users } from "./users";

// An exact cache of the dashboards' per-user, per-local-day numbers (docs/dashboards.md).
// A cached day is used only while the versions it was computed from are current: triggers
// (see the dashboard_rollup_triggers migration) bump a user's version of every UTC date that
// a changed entry or activity touches, and the organisation's version when a productivity
// rule or a team membership changes. Versions and data are read in one statement, so a
// cached day never mixes snapshots.

/** Per user and UTC date: bumped by every change of that user's entries or activities on that date. */
export const dashboardVersions = pgTable(
  "dashboard_versions",
  {
    organizationId: orgId(),
    userId: uuid("user_id").notNull(),
    utcDate: date("utc_date", { mode: "string" }).notNull(),
    version: bigint("version", { mode: "number" }).notNull().default(1),
  },
  // No foreign keys on the version tables: the triggers also run inside cascaded deletes of
  // users and organisations, where a reference back would fail.
  (t) => [primaryKey({ columns: [t.organizationId, t.userId, t.utcDate] })],
);

/** Per organisation: bumped by every change of its productivity rules or team memberships. */
export const dashboardOrgVersions = pgTable("dashboard_org_versions", {
  organizationId: uuid("organization_id").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(1),
});

/** One user's local day in one time zone, with exact (unrounded) seconds. */
export const dashboardDayRollups = pgTable(
  "dashboard_day_rollups",
  {
    organizationId: orgId(),
    userId: uuid("user_id").notNull(),
    timeZone: text("time_zone").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    /** Sum of the user's versions of the UTC dates the day overlaps when it was computed. */
    dataVersion: bigint("data_version", { mode: "number" }).notNull(),
    orgVersion: bigint("org_version", { mode: "number" }).notNull(),
    /** The computation's own version (metrics-sql.ts ROLLUP_FORMULA). */
    formula: smallint("formula").notNull(),
    idle: numeric("idle").notNull(),
    work: numeric("work").notNull(),
    covered: numeric("covered").notNull(),
    unproductive: numeric("unproductive").notNull(),
    inTime: tstz("in_time"),
    outTime: tstz("out_time"),
    computedAt: tstz("computed_at").notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId, t.timeZone, t.day] }),
    foreignKey({ columns: [t.organizationId, t.userId], foreignColumns: [users.organizationId, users.id] }).onDelete("cascade"),
  ],
);
