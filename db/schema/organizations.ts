import { boolean, integer, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, updatedAt } from "./_common";

export const overlapPolicy = pgEnum("overlap_policy", ["reject", "trim"]);

// The distribution root: every other tenant table carries organization_id.
export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  name: text("name").notNull(),
  description: text("description"),
  email: text("email"),
  defaultTimeZone: text("default_time_zone").notNull().default("UTC"),
  overlapPolicy: overlapPolicy("overlap_policy").notNull().default("reject"),
  screenshotsEnabled: boolean("screenshots_enabled").notNull().default(true),
  screenshotBlur: boolean("screenshot_blur").notNull().default(false),
  screenshotRetentionDays: integer("screenshot_retention_days").notNull().default(90),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type Organization = typeof organizations.$inferSelect;
