import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userTokens, users, type User } from "@/db/schema";
import { now } from "@/lib/clock";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { requirePermission, type Caller } from "@/lib/auth/permissions";
import { hashesEqual, hashToken, parseToken } from "@/lib/auth/tokens";
import { sendMail } from "@/lib/mail";
import { audit } from "./audit";
import { assertPasswordPolicy, hashPassword } from "./passwords";
import { revokeUserSessions } from "./sessions";
import { inTx } from "./tx";
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

/**
 * A user replaces their own password from a signed-in session (not an API key, which
 * would turn a leaked key into a taken-over account). Their other sessions end.
 */
export async function changeOwnPassword(db: Db, caller: Caller, userId: string, password: string): Promise<void> {
  const user = await userInOrg(db, caller.orgId, userId);
  if (userId !== caller.userId) throw forbidden("Users change only their own password; admins use password-reset");
  if (caller.sessionKind === "api_key") throw forbidden("Change the password from a signed-in session, not with an API key");
  assertPasswordPolicy(password, { email: user.email });
  const passwordHash = await hashPassword(password);
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
