import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { authSessions, userTokens, users, type User } from "@/db/schema";
import { now } from "@/base/clock";
import { AppError, FieldError, forbidden, invalidField, notFound } from "@/lib/errors";
import { requireSignedIn } from "@/lib/auth/scopes";
import { requirePermission, type Caller } from "@/lib/auth/permissions";
import { hashesEqual, hashToken, parseToken } from "@/lib/auth/tokens";
import { sendMail } from "@/lib/mail";
import { audit } from "@/lib/services/platform/audit";
import { assertPasswordPolicy, hashPassword, verifyAgainstNothing, verifyPassword } from "./password-hash";
import { assertNotThrottled, recordFailure, type ThrottleKey } from "@/lib/services/platform/throttle";
import { revokeUserSessions } from "./sessions";
import { inTx } from "@/lib/services/platform/tx";
import { issueSetPasswordLink, SET_PASSWORD_LINK_MS, userInOrg } from "./users";

/** Stores a new password hash, clears a pending reset and spent links. */
async function storePassword(db: Db, user: User, passwordHash: string): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, passwordExpiresAt: null, updatedAt: now() })
    .where(and(eq(users.organizationId, user.organizationId), eq(users.id, user.id)));
  await db
    .delete(userTokens)
    .where(and(eq(userTokens.organizationId, user.organizationId), eq(userTokens.userId, user.id), isNull(userTokens.usedAt)));
}

/** A session that signed in this recently changes its password with the new one alone ("sudo mode"). */
export const RECENT_SIGN_IN_MS = 10 * 60_000;

/**
 * A user replaces their own password from a signed-in session (not an API key, which
 * would turn a leaked key into a taken-over account). Unless the session signed in within
 * the last 10 minutes, the current password is needed too (422 `body.currentPassword` when
 * missing, 403 when wrong; wrong attempts count in the login throttle of the account).
 * Their other sessions end; the current one stays.
 */
export async function changeOwnPassword(
  db: Db,
  caller: Caller,
  userId: string,
  input: { password: string; currentPassword?: string },
): Promise<void> {
  requireSignedIn(caller, "Changing a password");
  const user = await userInOrg(db, caller.orgId, userId);
  if (userId !== caller.userId) throw forbidden("Users change only their own password; admins use password-reset");
  const [session] = await db
    .select({ startedAt: authSessions.startedAt })
    .from(authSessions)
    .where(and(eq(authSessions.organizationId, caller.orgId), eq(authSessions.id, caller.sessionId)));
  const recent = !!session && now().getTime() - session.startedAt.getTime() < RECENT_SIGN_IN_MS;
  if (!recent || input.currentPassword !== undefined) {
    if (input.currentPassword === undefined) {
      throw invalidField("currentPassword", "is required: this session signed in more than 10 minutes ago");
    }
    const throttle: ThrottleKey[] = [{ kind: "account", id: user.email.toLowerCase() }];
    await assertNotThrottled(db, throttle);
    const ok = user.passwordHash ? await verifyPassword(user.passwordHash, input.currentPassword) : await verifyAgainstNothing(input.currentPassword);
    if (!ok) {
      await recordFailure(db, throttle);
      throw new FieldError("forbidden", "currentPassword", "is not your current password");
    }
  }
  assertPasswordPolicy(input.password, { email: user.email });
  const passwordHash = await hashPassword(input.password);
  await inTx(db, async (tx) => {
    await storePassword(tx, user, passwordHash);
    await revokeUserSessions(tx, caller.orgId, userId, "password_changed", caller.sessionId);
    await audit(tx, caller, "user.password_changed", { type: "user", id: userId });
  });
}

/**
 * An admin schedules a reset: after `expiresAt` the current password no longer signs in,
 * and the returned one-time link (valid until a day after that) sets a new one.
 */
export async function resetPassword(
  db: Db,
  caller: Caller,
  userId: string,
  expiresAt: Date,
): Promise<{ setPasswordUrl: string; expiresAt: Date; linkExpiresAt: Date }> {
  requirePermission(caller, "ORG_ADMIN");
  // The link sets a password of the holder's choosing: never minted with an API key.
  requireSignedIn(caller, "Resetting a password");
  const user = await userInOrg(db, caller.orgId, userId);
  const linkExpiresAt = new Date(Math.max(expiresAt.getTime(), now().getTime()) + SET_PASSWORD_LINK_MS);
  const setPasswordUrl = await inTx(db, async (tx) => {
    await tx
      .update(users)
      .set({ passwordExpiresAt: expiresAt, updatedAt: now() })
      .where(and(eq(users.organizationId, caller.orgId), eq(users.id, userId)));
    await audit(tx, caller, "user.password_reset", { type: "user", id: userId }, { expiresAt: expiresAt.toISOString() });
    return issueSetPasswordLink(tx, caller.orgId, userId, linkExpiresAt, caller.origin);
  });
  await sendMail({
    to: user.email,
    subject: "Set a new Timebase password",
    text: `Your administrator asked you to choose a new password by ${expiresAt.toISOString()}: ${setPasswordUrl}`,
  });
  return { setPasswordUrl, expiresAt, linkExpiresAt };
}

/** Spends a one-time set-password link; every session of the user ends. */
export async function setPasswordWithToken(db: Db, input: { token: string; password: string }): Promise<User> {
  const parsed = parseToken("setPassword", input.token);
  const missing = () => notFound("Set-password link");
  if (!parsed) throw missing();
  const load = async (tx: Db, lock: boolean) => {
    const q = tx
      .select({ token: userTokens, user: users })
      .from(userTokens)
      .innerJoin(users, and(eq(users.organizationId, userTokens.organizationId), eq(users.id, userTokens.userId)))
      .where(and(eq(userTokens.organizationId, parsed.orgId), eq(userTokens.id, parsed.id), eq(userTokens.purpose, "set_password")));
    const [row] = lock ? await q.for("update", { of: userTokens }) : await q;
    if (!row || !hashesEqual(row.token.tokenHash, hashToken(input.token))) throw missing();
    if (row.token.usedAt) throw new AppError("gone", "This set-password link was already used");
    if (row.token.expiresAt.getTime() <= now().getTime()) throw new AppError("gone", "This set-password link has expired");
    if (row.user.deactivatedAt) throw forbidden("This account is deactivated");
    return row;
  };
  const { user } = await load(db, false);
  assertPasswordPolicy(input.password, { email: user.email });
  const passwordHash = await hashPassword(input.password);
  return inTx(db, async (tx) => {
    const row = await load(tx, true);
    await tx
      .update(userTokens)
      .set({ usedAt: now() })
      .where(and(eq(userTokens.organizationId, row.token.organizationId), eq(userTokens.id, row.token.id)));
    await storePassword(tx, row.user, passwordHash);
    await revokeUserSessions(tx, row.user.organizationId, row.user.id, "password_changed");
    await audit(tx, { orgId: row.user.organizationId, userId: row.user.id }, "user.password_set", { type: "user", id: row.user.id });
    return row.user;
  });
}
