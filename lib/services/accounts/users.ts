import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { userEmails, userTokens, users, type User } from "@/db/schema";
import { now } from "@/base/clock";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db-errors";
import { assertUserAccess, isAdmin, readableUserIds, requirePermission, type Caller } from "@/lib/auth/permissions";
import { hashToken, issueToken } from "@/lib/auth/tokens";
import { setPasswordLink } from "@/lib/links";
import { sendMail } from "@/lib/mail";
import { audit } from "@/lib/services/platform/audit";
import { requireScope, requireSignedIn } from "@/lib/auth/scopes";
import { profilePicUrlOf } from "./avatar-url";
import { revokeUserSessions } from "./sessions";
import { inTx } from "@/lib/services/platform/tx";
import { countWhere, paginate, type Page, type Paged } from "@/lib/services/platform/paging";
import type { UserView } from "@/lib/validation/account-responses";

const DAY = 24 * 60 * 60_000;
export const SET_PASSWORD_LINK_MS = DAY;

export type Role = User["role"];

/** The seed's user object, plus whether the account is active, its time zone and picture. */
export function userView(u: User): UserView {
  return {
    id: u.id,
    firstName: u.firstName,
    lastName: u.lastName,
    email: u.email,
    role: u.role,
    active: u.deactivatedAt === null,
    timeZone: u.timeZone,
    profilePicUrl: profilePicUrlOf(u),
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}
export type { UserView };

const emailTaken = () => new AppError("email_taken", "email: is already registered", { field: "email" });

/** The account an e-mail signs in to (the directory is global and lower-cased). */
export async function findUserByEmail(db: Db, email: string): Promise<User | null> {
  const [row] = await db
    .select({ user: users })
    .from(userEmails)
    .innerJoin(users, and(eq(users.organizationId, userEmails.organizationId), eq(users.id, userEmails.userId)))
    .where(eq(userEmails.email, email.toLowerCase()));
  return row?.user ?? null;
}

export async function assertEmailFree(db: Db, email: string): Promise<void> {
  const [taken] = await db.select({ email: userEmails.email }).from(userEmails).where(eq(userEmails.email, email.toLowerCase()));
  if (taken) throw emailTaken();
}

export interface NewUser {
  orgId: string;
  email: string;
  firstName?: string;
  lastName?: string;
  role: Role;
  passwordHash?: string | null;
}

/** Inserts a user and its directory row; call it inside the caller's transaction. */
export async function insertUser(db: Db, input: NewUser): Promise<User> {
  const email = input.email.toLowerCase();
  await assertEmailFree(db, email);
  const at = now();
  try {
    const [user] = await db
      .insert(users)
      .values({
        organizationId: input.orgId,
        email,
        firstName: input.firstName ?? "",
        lastName: input.lastName ?? "",
        role: input.role,
        passwordHash: input.passwordHash ?? null,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    await db.insert(userEmails).values({ email, organizationId: input.orgId, userId: user!.id });
    return user!;
  } catch (err) {
    // Two sign-ups racing for one address: the directory's primary key decides.
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}

/** A one-time set-password link; any older unused link of the user stops working. */
export async function issueSetPasswordLink(db: Db, orgId: string, userId: string, expiresAt: Date, origin?: string): Promise<string> {
  await db
    .delete(userTokens)
    .where(and(eq(userTokens.organizationId, orgId), eq(userTokens.userId, userId), eq(userTokens.purpose, "set_password"), isNull(userTokens.usedAt)));
  const id = randomUUID();
  const token = issueToken("setPassword", orgId, id);
  await db.insert(userTokens).values({
    organizationId: orgId,
    id,
    userId,
    purpose: "set_password",
    tokenHash: hashToken(token),
    expiresAt,
    createdAt: now(),
  });
  return setPasswordLink(token, origin);
}

/** A user of the organisation, 404 otherwise; `lock` holds the row until the transaction ends. */
export async function userInOrg(db: Db, orgId: string, userId: string, opts: { lock?: boolean } = {}): Promise<User> {
  const q = db.select().from(users).where(and(eq(users.organizationId, orgId), eq(users.id, userId)));
  const [user] = opts.lock ? await q.for("update") : await q;
  if (!user) throw notFound("User");
  return user;
}

/** Admins see everyone; managers themselves and their teams' members; members themselves. */
export async function listUsers(db: Db, caller: Caller, page?: Page): Promise<Paged<User>> {
  const readable = await readableUserIds(db, caller);
  const where = and(eq(users.organizationId, caller.orgId), readable ? inArray(users.id, readable) : undefined);
  const query = db.select().from(users).where(where).orderBy(asc(users.lastName), asc(users.firstName), asc(users.email), asc(users.id)).$dynamic();
  return paginate(query, page, countWhere(db, users, where));
}

export async function getUser(db: Db, caller: Caller, userId: string): Promise<User> {
  await assertUserAccess(db, caller, userId, "read");
  return userInOrg(db, caller.orgId, userId);
}

export interface CreateUserInput {
  email: string;
  firstName?: string;
  lastName?: string;
  role: Role;
}

/** An admin adds a user without a password; the user picks one through the returned link. */
export async function createUser(db: Db, caller: Caller, input: CreateUserInput): Promise<{ user: User; setPasswordUrl: string }> {
  requirePermission(caller, "ORG_ADMIN");
  if (input.role === "admin") requireSignedIn(caller, "Creating an admin");
  const result = await inTx(db, async (tx) => {
    const user = await insertUser(tx, { ...input, orgId: caller.orgId });
    const setPasswordUrl = await issueSetPasswordLink(tx, caller.orgId, user.id, new Date(now().getTime() + SET_PASSWORD_LINK_MS), caller.origin);
    await audit(tx, caller, "user.created", { type: "user", id: user.id }, { role: user.role });
    return { user, setPasswordUrl };
  });
  await sendMail({
    to: result.user.email,
    subject: "Your Timebase account",
    text: `An account was created for you. Choose your password within a day: ${result.setPasswordUrl}`,
  });
  return result;
}

export interface UserChanges {
  firstName?: string;
  lastName?: string;
  timeZone?: string;
  email?: string;
  role?: Role;
  /** false deactivates the account (sessions end at once), true reactivates it. */
  active?: boolean;
}

const ADMIN_ONLY: Array<keyof UserChanges> = ["email", "role", "active"];

/** Refuses to leave the organisation without an active admin. */
async function assertAnotherActiveAdmin(db: Db, orgId: string, userId: string): Promise<void> {
  const others = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, orgId), eq(users.role, "admin"), isNull(users.deactivatedAt), ne(users.id, userId)))
    .for("update");
  if (others.length === 0) throw new AppError("last_admin", "The organisation needs at least one active admin");
}

/**
 * Users change their own name and time zone; admins change anyone's, and alone change
 * e-mail, role and active (deactivation ends every session of the user at once).
 */
export async function updateUser(db: Db, caller: Caller, userId: string, changes: UserChanges): Promise<User> {
  await assertUserAccess(db, caller, userId, "write");
  const adminOnly = ADMIN_ONLY.filter((k) => changes[k] !== undefined);
  if (adminOnly.length > 0) {
    if (!isAdmin(caller)) throw forbidden(`Only admins change ${adminOnly.join(", ")}`);
    requireScope(caller, "admin");
  }
  return inTx(db, async (tx) => {
    const current = await userInOrg(tx, caller.orgId, userId, { lock: true });
    const at = now();
    const set: Partial<User> = { updatedAt: at };
    if (changes.firstName !== undefined) set.firstName = changes.firstName;
    if (changes.lastName !== undefined) set.lastName = changes.lastName;
    if (changes.timeZone !== undefined) set.timeZone = changes.timeZone;
    if (changes.role !== undefined && changes.role !== current.role) {
      if (changes.role === "admin") requireSignedIn(caller, "Promoting a user to admin");
      if (current.role === "admin") await assertAnotherActiveAdmin(tx, caller.orgId, userId);
      set.role = changes.role;
    }
    const deactivating = changes.active === false && current.deactivatedAt === null;
    if (deactivating) {
      if (current.role === "admin") await assertAnotherActiveAdmin(tx, caller.orgId, userId);
      set.deactivatedAt = at;
    }
    if (changes.active === true && current.deactivatedAt !== null) {
      if ((set.role ?? current.role) === "admin") requireSignedIn(caller, "Reactivating an admin");
      set.deactivatedAt = null;
    }
    const email = changes.email?.toLowerCase();
    if (email !== undefined && email !== current.email.toLowerCase()) {
      await assertEmailFree(tx, email);
      set.email = email;
    }
    let updated: User;
    try {
      [updated] = (await tx
        .update(users)
        .set(set)
        .where(and(eq(users.organizationId, caller.orgId), eq(users.id, userId)))
        .returning()) as [User];
      if (set.email) {
        await tx.delete(userEmails).where(and(eq(userEmails.organizationId, caller.orgId), eq(userEmails.userId, userId)));
        await tx.insert(userEmails).values({ email: set.email, organizationId: caller.orgId, userId });
      }
    } catch (err) {
      if (isUniqueViolation(err)) throw emailTaken();
      throw err;
    }
    if (deactivating) await revokeUserSessions(tx, caller.orgId, userId, "user_deactivated");
    const changed = Object.keys(set).filter((k) => k !== "updatedAt");
    if (changed.length > 0) await audit(tx, caller, deactivating ? "user.deactivated" : "user.updated", { type: "user", id: userId }, { fields: changed });
    return updated;
  });
}
