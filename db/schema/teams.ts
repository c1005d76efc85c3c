import { boolean, foreignKey, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, updatedAt } from "./_common";
import { organizations } from "./organizations";
import { users } from "./users";

export const teams = pgTable(
  "teams",
  {
    organizationId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    id: id(),
    name: text("name").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] })],
);

export const teamMembers = pgTable(
  "team_members",
  {
    organizationId: orgId(),
    teamId: uuid("team_id").notNull(),
    userId: uuid("user_id").notNull(),
    isManager: boolean("is_manager").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.teamId, t.userId] }),
    foreignKey({ columns: [t.organizationId, t.teamId], foreignColumns: [teams.organizationId, teams.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organizationId, t.userId], foreignColumns: [users.organizationId, users.id] }).onDelete("cascade"),
    // "whose teams does this user manage / belong to"
    index("team_members_org_user_idx").on(t.organizationId, t.userId),
  ],
);

export type Team = typeof teams.$inferSelect;
