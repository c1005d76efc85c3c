import { sql } from "drizzle-orm";
import { foreignKey, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, updatedAt } from "./_common";
import { organizations } from "./organizations";
import { teams } from "./teams";

export const ruleMatch = pgEnum("rule_match", ["APP", "DOMAIN"]);
export const productivity = pgEnum("productivity", ["PRODUCTIVE", "NEUTRAL", "UNPRODUCTIVE"]);

export const productivityRules = pgTable(
  "productivity_rules",
  {
    organizationId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    id: id(),
    teamId: uuid("team_id"), // null: the organisation's rule; set: a team override
    matchType: ruleMatch("match_type").notNull(),
    pattern: text("pattern").notNull(), // lower case: an app name or a domain (subdomains match)
    classification: productivity("classification").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.teamId], foreignColumns: [teams.organizationId, teams.id] }).onDelete("cascade"),
    uniqueIndex("productivity_rules_uq").on(
      t.organizationId, sql`coalesce(${t.teamId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.matchType, t.pattern,
    ),
  ],
);

export type ProductivityRule = typeof productivityRules.$inferSelect;
