import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, tstz } from "./_common";
import { organizations } from "./organizations";

export const auditLog = pgTable(
  "audit_log",
  {
    organizationId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    id: id(),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("audit_log_org_created_idx").on(t.organizationId, t.createdAt),
    index("audit_log_org_entity_idx").on(t.organizationId, t.entityType, t.entityId),
  ],
);

// Agent uploads carry an Idempotency-Key: the same key and body replays the first answer.
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    organizationId: orgId(),
    userId: uuid("user_id").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    responseBody: jsonb("response_body"),
    createdAt: createdAt(),
    expiresAt: tstz("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId, t.key] })],
);

// Sign-in throttling by account and by address (fixed windows).
export const loginThrottles = pgTable("login_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: tstz("window_started_at").notNull().defaultNow(),
  lockedUntil: tstz("locked_until"),
});
