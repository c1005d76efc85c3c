import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, authSessions, users, type AuthSession, type Organization, type User } from "@/db/schema";
import { now } from "@/base/clock";
import { AppError, notFound } from "@/lib/errors";
import { requirePermission, type Caller } from "@/lib/auth/permissions";
import { hashesEqual, hashToken, issueToken, parseToken } from "@/lib/auth/tokens";
import { audit } from "@/lib/services/platform/audit";
import { createOrganization } from "@/lib/services/organizations/organizations";
import { assertPasswordPolicy, hashPassword, verifyAgainstNothing, verifyPassword } from "./password-hash";
import { createSession, revokeSession, SESSION_LIFETIMES, type IssuedTokens, type SessionKind } from "./sessions";
import { assertNotThrottled, clearFailures, recordFailure, signupKeys, throttledSignup, type ThrottleKey } from "@/lib/services/platform/throttle";
import { inTx } from "@/lib/services/platform/tx";
import { countWhere, paginate, type Page, type Paged } from "@/lib/services/platform/paging";
import { assertEmailFree, findUserByEmail, insertUser } from "./users";
import type { SessionView } from "@/lib/validation/account-responses";

/** Where a request came from, recorded on its session. */
export interface ClientInfo {
  userAgent?: string | null;
  ipAddress?: string | null;
}

export interface SignupInput {
  email: string;
  firstName: string;
  lastName: string;
  password: string;
  orgName: string;
}

/** Creates an organisation and its first user, who is its admin. */
export async function signup(db: Db, input: SignupInput, client: ClientInfo = {}): Promise<{ user: User; org: Organization }> {
  assertPasswordPolicy(input.password, { email: input.email });
  return throttledSignup(db, signupKeys(input.email, client.ipAddress), () => createSignup(db, input));
}

async function createSignup(db: Db, input: SignupInput): Promise<{ user: User; org: Organization }> {
  await assertEmailFree(db, input.email);
  const passwordHash = await hashPassword(input.password);
  return inTx(db, async (tx) => {
    const org = await createOrganization(tx, { name: input.orgName });
    const user = await insertUser(tx, {
      orgId: org.id,
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      role: "admin",
      passwordHash,
    });
    await audit(tx, { orgId: org.id, userId: user.id }, "organization.created", { type: "organization", id: org.id });
    return { user, org };
  });
}

const invalidCredentials = () => new AppError("invalid_credentials", "Invalid e-mail or password");

/**
 * The user an e-mail and password sign in as. Unknown e-mail, wrong password, no password
 * yet and a deactivated account all answer the same, after the same work.
 */
export async function verifyCredentials(db: Db, email: string, password: string, address?: string | null): Promise<User> {
  // Throttled per account and per address; an unknown e-mail counts like a known one.
  const keys: ThrottleKey[] = [{ kind: "account", id: email }, { kind: "address", id: address || "unknown" }];
  await assertNotThrottled(db, keys);
  const user = await findUserByEmail(db, email);
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
  if (!user || !ok || user.deactivatedAt) {
    await recordFailure(db, keys);
    throw invalidCredentials();
  }
  await clearFailures(db, [keys[0]!]);
  if (user.passwordExpiresAt && user.passwordExpiresAt.getTime() <= now().getTime()) {
    throw new AppError("password_expired", "Your password has expired: set a new one through the link from your administrator");
  }
  return user;
}

/** E-mail and password → an API session (access 1 day, refresh 7 days). */
export async function login(db: Db, input: { email: string; password: string }, client: ClientInfo = {}): Promise<IssuedTokens> {
  const user = await verifyCredentials(db, input.email, input.password, client.ipAddress);
  return createSession(db, { orgId: user.organizationId, userId: user.id, kind: "password", ...client });
}

/** E-mail and password → a web session, whose access token the sign-in cookie wraps. */
export async function signInWeb(
  db: Db,
  input: { email: string; password: string },
  client: ClientInfo = {},
): Promise<{ user: User; tokens: IssuedTokens }> {
  const user = await verifyCredentials(db, input.email, input.password, client.ipAddress);
  const tokens = await createSession(db, { orgId: user.organizationId, userId: user.id, kind: "web", ...client });
  return { user, tokens };
}

type RefreshOutcome = { tokens: IssuedTokens } | { error: AppError };

/**
 * Exchanges a refresh token for a new pair. The old one is spent: presenting it again
 * revokes the whole session. Never extends the session past its absolute end.
 */
export async function refreshSession(db: Db, refreshToken: string, kind: Extract<SessionKind, "password" | "api_key">): Promise<IssuedTokens> {
  const invalid = () => new AppError("unauthorized", "Invalid or expired refresh token");
  const parsed = parseToken("refresh", refreshToken);
  if (!parsed) throw invalid();
  const presented = hashToken(refreshToken);
  // The reuse revocation must commit even though the call fails, so errors are returned
  // out of the transaction and thrown after it.
  const outcome = await inTx(db, async (tx): Promise<RefreshOutcome> => {
    const [row] = await tx
      .select({ session: authSessions, deactivatedAt: users.deactivatedAt, apiKeyId: apiKeys.id })
      .from(authSessions)
      .innerJoin(users, and(eq(users.organizationId, authSessions.organizationId), eq(users.id, authSessions.userId)))
      .leftJoin(apiKeys, and(eq(apiKeys.organizationId, authSessions.organizationId), eq(apiKeys.id, authSessions.apiKeyId)))
      .where(and(eq(authSessions.organizationId, parsed.orgId), eq(authSessions.id, parsed.id)))
      .for("update", { of: authSessions });
    if (!row) return { error: invalid() };
    const s = row.session;
    if (s.kind !== kind) {
      const path = s.kind === "api_key" ? "/v1/auth/api-key/refresh" : "/v1/auth/refresh";
      return { error: new AppError("unauthorized", `This refresh token belongs to another kind of session; use POST ${path}`) };
    }
    if (!s.refreshTokenHash || !hashesEqual(s.refreshTokenHash, presented)) {
      if (s.usedRefreshHashes.includes(presented)) {
        if (!s.revokedAt) await revokeSession(tx, s.organizationId, s.id, "refresh_token_reuse");
        return { error: new AppError("refresh_token_reused", "This refresh token was already used; the session has been revoked") };
      }
      return { error: invalid() };
    }
    const t = now().getTime();
    if (s.revokedAt || s.expiresAt.getTime() <= t || row.deactivatedAt) return { error: invalid() };
    if (s.kind === "api_key" && !row.apiKeyId) return { error: invalid() };
    const accessToken = issueToken("access", s.organizationId, s.id);
    const nextRefresh = issueToken("refresh", s.organizationId, s.id);
    const accessExpiresAt = new Date(Math.min(t + SESSION_LIFETIMES[s.kind].access, s.expiresAt.getTime()));
    await tx
      .update(authSessions)
      .set({
        accessTokenHash: hashToken(accessToken),
        accessExpiresAt,
        refreshTokenHash: hashToken(nextRefresh),
        usedRefreshHashes: [...s.usedRefreshHashes, presented],
        rotationCounter: s.rotationCounter + 1,
        lastUsedAt: new Date(t),
      })
      .where(and(eq(authSessions.organizationId, s.organizationId), eq(authSessions.id, s.id)));
    return { tokens: { sessionId: s.id, accessToken, refreshToken: nextRefresh, expiresIn: accessExpiresAt.getTime() } };
  });
  if ("error" in outcome) throw outcome.error;
  return outcome.tokens;
}

export async function logout(db: Db, caller: Caller): Promise<void> {
  await revokeSession(db, caller.orgId, caller.sessionId, "logout");
}

/** Live sessions (not revoked, not past their absolute end) of the organisation. */
export async function listSessions(db: Db, caller: Caller, page?: Page): Promise<Paged<AuthSession>> {
  requirePermission(caller, "ORG_ADMIN");
  const where = and(eq(authSessions.organizationId, caller.orgId), isNull(authSessions.revokedAt), gt(authSessions.expiresAt, now()));
  const query = db.select().from(authSessions).where(where).orderBy(desc(authSessions.startedAt), desc(authSessions.id)).$dynamic();
  return paginate(query, page, countWhere(db, authSessions, where));
}

export async function revokeSessionById(db: Db, caller: Caller, sessionId: string): Promise<void> {
  requirePermission(caller, "ORG_ADMIN");
  await inTx(db, async (tx) => {
    if (!(await revokeSession(tx, caller.orgId, sessionId, "admin"))) throw notFound("Session");
    await audit(tx, caller, "session.revoked", { type: "session", id: sessionId });
  });
}

/** The /v1 view of a session: times in Unix ms, never a token or hash. */
export function sessionView(s: AuthSession): SessionView {
  return {
    id: s.id,
    userId: s.userId,
    kind: s.kind,
    apiKeyId: s.apiKeyId,
    sessionStartedAt: s.startedAt.getTime(),
    expiresAt: s.accessExpiresAt.getTime(),
    refreshExpiresAt: s.expiresAt.getTime(),
    lastUsedAt: s.lastUsedAt?.getTime() ?? null,
    userAgent: s.userAgent,
  };
}
