import { sql } from "drizzle-orm";
import {
  boolean, check, foreignKey, index, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, orgId, tstz, updatedAt } from "./_common";
import { organizations } from "./organizations";

export const userRole = pgEnum("user_role", ["member", "admin"]);

export const users = pgTable(
  "users",
  {
    organizationId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    id: id(),
    email: text("email").notNull(),
    firstName: text("first_name").notNull().default(""),
    lastName: text("last_name").notNull().default(""),
    role: userRole("role").notNull().default("member"),
    isSuperUser: boolean("is_super_user").notNull().default(false),
    timeZone: text("time_zone").notNull().default("UTC"),
    // An address given from outside (imports, older data); an uploaded avatar wins over it.
    profilePicUrl: text("profile_pic_url"),
    // The uploaded avatar: where it is stored (lib/storage) and under which key. Both or neither.
    avatarProvider: text("avatar_provider"),
    avatarKey: text("avatar_key"),
    // argon2id PHC string; null until the user has chosen a password.
    passwordHash: text("password_hash"),
    // Admin reset: after this instant the password must be replaced before use.
    passwordExpiresAt: tstz("password_expires_at"),
    deactivatedAt: tstz("deactivated_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("users_org_email_uq").on(t.organizationId, sql`lower(${t.email})`),
    index("users_org_name_idx").on(t.organizationId, t.firstName, t.lastName),
    check("users_avatar_both_or_neither", sql`(${t.avatarProvider} is null) = (${t.avatarKey} is null)`),
  ],
);

// Global directory from e-mail to account: the one table looked up without an
// organisation (sign-in starts from an e-mail). Small, so a Citus reference table.
export const userEmails = pgTable(
  "user_emails",
  {
    email: text("email").primaryKey(), // always lower-cased
    organizationId: uuid("organization_id").notNull(),
    userId: uuid("user_id").notNull(),
  },
  (t) => [
    foreignKey({
      columns: [t.organizationId, t.userId],
      foreignColumns: [users.organizationId, users.id],
    }).onDelete("cascade"),
  ],
);

export type User = typeof users.$inferSelect;
