import { sql } from "drizzle-orm";
import { foreignKey, index, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, updatedAt } from "./_common";
import { organizations } from "./organizations";

export const projects = pgTable(
  "projects",
  {
    organizationId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    id: id(),
    userId: uuid("user_id").notNull(), // creator
    name: text("name").notNull(),
    description: text("description"),
    externalId: text("external_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("projects_org_external_uq").on(t.organizationId, t.externalId).where(sql`${t.externalId} is not null`),
    index("projects_org_name_idx").on(t.organizationId, t.name),
  ],
);

export const taskStatus = pgEnum("task_status", ["open", "closed"]);

export const tasks = pgTable(
  "tasks",
  {
    organizationId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    id: id(),
    userId: uuid("user_id").notNull(), // creator
    projectId: uuid("project_id"),
    name: text("name").notNull(),
    description: text("description"),
    externalId: text("external_id"),
    status: taskStatus("status").notNull().default("open"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.projectId], foreignColumns: [projects.organizationId, projects.id] }),
    uniqueIndex("tasks_org_external_uq").on(t.organizationId, t.externalId).where(sql`${t.externalId} is not null`),
    index("tasks_org_project_idx").on(t.organizationId, t.projectId),
    index("tasks_org_name_idx").on(t.organizationId, sql`lower(${t.name})`),
  ],
);

export type Project = typeof projects.$inferSelect;
export type Task = typeof tasks.$inferSelect;
