import { foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, tstz, updatedAt } from "./_common";
import { users, userRole } from "./users";

export const sessionKind = pgEnum("session_kind", ["password", "api_key", "web"]);

// Tokens carry (organization id, session id, secret), so a lookup is by primary key
// and only the SHA-256 of each token is kept.
export const authSessions = pgTable(
  "auth_sessions",
  {
    organizationId: orgId(),
    id: id(),
    userId: uuid("user_id").notNull(),
    kind: sessionKind("kind").notNull(),
    apiKeyId: uuid("api_key_id"),
    accessTokenHash: text("access_token_hash").notNull(),
    accessExpiresAt: tstz("access_expires_at").notNull(),
    refreshTokenHash: text("refresh_token_hash"),
    // Hashes of refresh tokens already exchanged: presenting one again revokes the session.
    usedRefreshHashes: text("used_refresh_hashes").array().notNull().default([]),
    rotationCounter: integer("rotation_counter").notNull().default(0),
    userAgent: text("user_agent"),
    ipAddress: text("ip_address"),
    startedAt: tstz("started_at").notNull().defaultNow(),
    expiresAt: tstz("expires_at").notNull(), // absolute end of the session
    lastUsedAt: tstz("last_used_at"),
    revokedAt: tstz("revoked_at"),
    revokedReason: text("revoked_reason"),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.userId], foreignColumns: [users.organizationId, users.id] }).onDelete("cascade"),
    index("auth_sessions_org_user_idx").on(t.organizationId, t.userId),
  ],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    organizationId: orgId(),
    id: id(),
    userId: uuid("user_id").notNull(),
    name: text("name").notNull(),
    keyHash: text("key_hash").notNull(),
    last4: text("last4").notNull(),
    // What the key may do (lib/auth/scopes.ts); never the powers of a signed-in session.
    scopes: text("scopes").array().notNull(),
    lastUsedAt: tstz("last_used_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.userId], foreignColumns: [users.organizationId, users.id] }).onDelete("cascade"),
    index("api_keys_org_user_idx").on(t.organizationId, t.userId),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    organizationId: orgId(),
    id: id(),
    email: text("email").notNull(),
    role: userRole("role").notNull().default("member"),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by"),
    expiresAt: tstz("expires_at").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("invitations_org_email_idx").on(t.organizationId, t.email),
  ],
);

export const userTokenPurpose = pgEnum("user_token_purpose", ["set_password"]);

// One-time links (set-password) for users created or reset by an admin.
export const userTokens = pgTable(
  "user_tokens",
  {
    organizationId: orgId(),
    id: id(),
    userId: uuid("user_id").notNull(),
    purpose: userTokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: tstz("expires_at").notNull(),
    usedAt: tstz("used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.userId], foreignColumns: [users.organizationId, users.id] }).onDelete("cascade"),
  ],
);

export type AuthSession = typeof authSessions.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
