import { and, eq, isNull, ne, sql, type SQL } from "drizzle-orm";
import { safeZone } from "@/lib/time/known-zones";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { apiKeys, authSessions, users } from "@/db/schema";
import { now } from "@/base/clock";
import { superUserIds } from "@/base/env";
import type { Scope } from "@/lib/auth/scopes";
import type { Caller } from "@/lib/auth/permissions";
import { hashesEqual, hashToken, issueToken, parseToken } from "@/lib/auth/tokens";

export type SessionKind = "password" | "api_key" | "web";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// SPEC.md, "Tokens": password login 1 day / 7 days; API-key login 15 minutes / 1 day.
export const SESSION_LIFETIMES: Record<SessionKind, { access: number; session: number }> = {
  password: { access: DAY, session: 7 * DAY },
  api_key: { access: 15 * MINUTE, session: DAY },
  web: { access: 7 * DAY, session: 7 * DAY },
};

export interface IssuedTokens {
  sessionId: string;
  accessToken: string;
  refreshToken: string | null;
  /** The access token's expiry, Unix ms. */
  expiresIn: number;
}

export async function createSession(
  db: Db,
  input: { orgId: string; userId: string; kind: SessionKind; apiKeyId?: string; userAgent?: string | null; ipAddress?: string | null },
): Promise<IssuedTokens> {
  const id = randomUUID();
  const start = now();
  const life = SESSION_LIFETIMES[input.kind];
  const accessToken = issueToken("access", input.orgId, id);
  const refreshToken = input.kind === "web" ? null : issueToken("refresh", input.orgId, id);
  const accessExpiresAt = new Date(Math.min(start.getTime() + life.access, start.getTime() + life.session));
  await db.insert(authSessions).values({
    organizationId: input.orgId,
    id,
    userId: input.userId,
    kind: input.kind,
    apiKeyId: input.apiKeyId ?? null,
    accessTokenHash: hashToken(accessToken),
    accessExpiresAt,
    refreshTokenHash: refreshToken ? hashToken(refreshToken) : null,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
    ipAddress: input.ipAddress?.slice(0, 100) ?? null,
    startedAt: start,
    expiresAt: new Date(start.getTime() + life.session),
  });
  return { sessionId: id, accessToken, refreshToken, expiresIn: accessExpiresAt.getTime() };
}

/**
 * Resolves an access token to its caller, or null when the token is malformed, unknown,
 * expired, revoked, of a deactivated user, or of an API key that no longer exists.
 */
export async function authenticateAccessToken(db: Db, token: string): Promise<Caller | null> {
  const parsed = parseToken("access", token);
  if (!parsed) return null;
  const [row] = await db
    .select({
      session: authSessions,
      user: {
        email: users.email,
        role: users.role,
        isSuperUser: users.isSuperUser,
        firstName: users.firstName,
        lastName: users.lastName,
        timeZone: users.timeZone,
        deactivatedAt: users.deactivatedAt,
      },
      apiKeyExists: apiKeys.id,
      apiKeyScopes: apiKeys.scopes,
      isManager: sql<boolean>`exists (select 1 from team_members m where m.organization_id = ${authSessions.organizationId} and m.user_id = ${authSessions.userId} and m.is_manager)`,
    })
    .from(authSessions)
    .innerJoin(users, and(eq(users.organizationId, authSessions.organizationId), eq(users.id, authSessions.userId)))
    .leftJoin(apiKeys, and(eq(apiKeys.organizationId, authSessions.organizationId), eq(apiKeys.id, authSessions.apiKeyId)))
    .where(and(eq(authSessions.organizationId, parsed.orgId), eq(authSessions.id, parsed.id)));
  if (!row) return null;
  const { session, user } = row;
  const t = now().getTime();
  if (!hashesEqual(session.accessTokenHash, hashToken(token))) return null;
  if (session.revokedAt || session.accessExpiresAt.getTime() <= t || session.expiresAt.getTime() <= t) return null;
  if (user.deactivatedAt) return null;
  if (session.kind === "api_key" && !row.apiKeyExists) return null;

  // Touch last use at most once a minute, so reads stay reads.
  if (!session.lastUsedAt || t - session.lastUsedAt.getTime() > MINUTE) {
    await db
      .update(authSessions)
      .set({ lastUsedAt: new Date(t) })
      .where(and(eq(authSessions.organizationId, session.organizationId), eq(authSessions.id, session.id)));
  }

  return {
    orgId: session.organizationId,
    userId: session.userId,
    role: user.role,
    // Designated by what no user can write: the database flag (npm run superuser) or the
    // user's id in SUPER_USER_IDS; never an e-mail address, which users choose.
    isSuperUser: user.isSuperUser || superUserIds().has(session.userId),
    isManager: Boolean(row.isManager),
    sessionId: session.id,
    sessionKind: session.kind,
    scopes: session.kind === "api_key" ? ((row.apiKeyScopes ?? []) as Scope[]) : null,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    // a zone saved before zones were checked against the database's list reads as UTC
    timeZone: safeZone(user.timeZone),
  };
}

export type RevokeReason =
  | "logout"
  | "admin"
  | "refresh_token_reuse"
  | "password_changed"
  | "user_deactivated"
  | "api_key_deleted"
  | "api_key_rotated";

/** Revokes the not yet revoked sessions of the organisation that match `where`; answers how many. */
async function revokeWhere(db: Db, orgId: string, reason: RevokeReason, where: SQL | undefined): Promise<number> {
  const rows = await db
    .update(authSessions)
    .set({ revokedAt: now(), revokedReason: reason })
    .where(and(eq(authSessions.organizationId, orgId), isNull(authSessions.revokedAt), where))
    .returning({ id: authSessions.id });
  return rows.length;
}

/** Revokes one session of the organisation; false when there is no such live session. */
export async function revokeSession(db: Db, orgId: string, sessionId: string, reason: RevokeReason): Promise<boolean> {
  return (await revokeWhere(db, orgId, reason, eq(authSessions.id, sessionId))) > 0;
}

/** Revokes every live session of a user, except `keepSessionId` (the caller's own). */
export function revokeUserSessions(db: Db, orgId: string, userId: string, reason: RevokeReason, keepSessionId?: string): Promise<number> {
  return revokeWhere(db, orgId, reason, and(eq(authSessions.userId, userId), keepSessionId ? ne(authSessions.id, keepSessionId) : undefined));
}

/** Revokes the sessions opened with one API key. */
export async function revokeApiKeySessions(db: Db, orgId: string, apiKeyId: string, reason: RevokeReason): Promise<void> {
  await revokeWhere(db, orgId, reason, eq(authSessions.apiKeyId, apiKeyId));
}

/** Ends the session an access token belongs to (web sign-out); a wrong token changes nothing. */
export async function revokeByAccessToken(db: Db, token: string, reason: RevokeReason = "logout"): Promise<boolean> {
  const parsed = parseToken("access", token);
  if (!parsed) return false;
  const [row] = await db
    .select({ hash: authSessions.accessTokenHash })
    .from(authSessions)
    .where(and(eq(authSessions.organizationId, parsed.orgId), eq(authSessions.id, parsed.id)));
  if (!row || !hashesEqual(row.hash, hashToken(token))) return false;
  return revokeSession(db, parsed.orgId, parsed.id, reason);
}
