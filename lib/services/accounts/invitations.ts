import { and, desc, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { invitations, organizations, type Invitation, type User } from "@/db/schema";
import { now } from "@/base/clock";
import { AppError, invalidField, notFound } from "@/lib/errors";
import { requirePermission, type Caller } from "@/lib/auth/permissions";
import { hashesEqual, hashToken, issueToken, parseToken } from "@/lib/auth/tokens";
import { invitationLink } from "@/lib/links";
import { sendMail } from "@/lib/mail";
import { audit } from "@/lib/services/platform/audit";
import { assertPasswordPolicy, hashPassword } from "./password-hash";
import { requireSignedIn } from "@/lib/auth/scopes";
import { signupKeys, throttledSignup } from "@/lib/services/platform/throttle";
import { inTx } from "@/lib/services/platform/tx";
import { countWhere, paginate, type Page, type Paged } from "@/lib/services/platform/paging";
import { assertEmailFree, insertUser, issueSetPasswordLink, SET_PASSWORD_LINK_MS, type Role } from "./users";
import type { InvitationView } from "@/lib/validation/account-responses";

export const INVITATION_TTL_MS = 24 * 60 * 60_000;

export function invitationView(i: Invitation): InvitationView {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    expiresAt: i.expiresAt.toISOString(),
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

const gone = () => new AppError("gone", "This invitation has expired");

/**
 * Invites an e-mail into the caller's organisation. Inviting the same address again
 * replaces the earlier invitation, whose link stops working.
 */
export async function createInvitation(
  db: Db,
  caller: Caller,
  input: { email: string; role?: Role },
): Promise<{ invitation: Invitation; link: string }> {
  // An invitation to an admin account makes an admin: a signed-in session's power only.
  if (input.role === "admin") requireSignedIn(caller, "Inviting an admin");
  requirePermission(caller, "ORG_ADMIN");
  const email = input.email.toLowerCase();
  await assertEmailFree(db, email);
  const result = await inTx(db, async (tx) => {
    await tx.delete(invitations).where(and(eq(invitations.organizationId, caller.orgId), eq(invitations.email, email)));
    const id = randomUUID();
    const token = issueToken("invite", caller.orgId, id);
    const at = now();
    const [invitation] = await tx
      .insert(invitations)
      .values({
        organizationId: caller.orgId,
        id,
        email,
        role: input.role ?? "member",
        tokenHash: hashToken(token),
        invitedBy: caller.userId,
        expiresAt: new Date(at.getTime() + INVITATION_TTL_MS),
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    await audit(tx, caller, "invitation.created", { type: "invitation", id }, { role: invitation!.role });
    return { invitation: invitation!, link: invitationLink(id, token, caller.origin) };
  });
  await sendMail({
    to: email,
    subject: "You are invited to Timebase",
    text: `${caller.firstName} ${caller.lastName} invited you. Accept within a day: ${result.link}`.trim(),
  });
  return result;
}

export async function listInvitations(db: Db, caller: Caller, page?: Page): Promise<Paged<Invitation>> {
  requirePermission(caller, "ORG_ADMIN");
  const where = eq(invitations.organizationId, caller.orgId);
  const query = db.select().from(invitations).where(where).orderBy(desc(invitations.createdAt), desc(invitations.id)).$dynamic();
  return paginate(query, page, countWhere(db, invitations, where));
}

export async function getInvitation(db: Db, caller: Caller, invId: string): Promise<Invitation> {
  requirePermission(caller, "ORG_ADMIN");
  const [inv] = await db.select().from(invitations).where(and(eq(invitations.organizationId, caller.orgId), eq(invitations.id, invId)));
  if (!inv) throw notFound("Invitation");
  return inv;
}

export async function deleteInvitation(db: Db, caller: Caller, invId: string): Promise<void> {
  requirePermission(caller, "ORG_ADMIN");
  await inTx(db, async (tx) => {
    const rows = await tx
      .delete(invitations)
      .where(and(eq(invitations.organizationId, caller.orgId), eq(invitations.id, invId)))
      .returning({ id: invitations.id });
    if (rows.length === 0) throw notFound("Invitation");
    await audit(tx, caller, "invitation.deleted", { type: "invitation", id: invId });
  });
}

/**
 * The invitation a link stands for, with its organisation's name. A wrong, used or
 * deleted link is 404; an expired one 410.
 */
export async function invitationByToken(
  db: Db,
  invId: string,
  token: string,
  opts: { lock?: boolean } = {},
): Promise<{ invitation: Invitation; orgName: string }> {
  const parsed = parseToken("invite", token);
  if (!parsed || parsed.id !== invId) throw notFound("Invitation");
  const q = db
    .select({ invitation: invitations, orgName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(and(eq(invitations.organizationId, parsed.orgId), eq(invitations.id, parsed.id)));
  const [row] = opts.lock ? await q.for("update", { of: invitations }) : await q;
  if (!row || !hashesEqual(row.invitation.tokenHash, hashToken(token))) throw notFound("Invitation");
  if (row.invitation.expiresAt.getTime() <= now().getTime()) throw gone();
  return row;
}

export interface AcceptInvitationInput {
  token: string;
  email: string;
  /** Optional: without one the answer carries a one-time set-password link. */
  password?: string;
  firstName?: string;
  lastName?: string;
  /** Optional: when sent it must be the invited role. */
  role?: Role;
}

/**
 * Signup through an invitation: the user joins with the invited role; the invitation is spent.
 * Without a password the user picks one through the returned set-password link (as for POST /v1/users).
 */
export async function acceptInvitation(
  db: Db,
  invId: string,
  input: AcceptInvitationInput,
  client: { ipAddress?: string | null; origin?: string } = {},
): Promise<{ user: User; setPasswordUrl?: string }> {
  return throttledSignup(db, signupKeys(input.email.toLowerCase(), client.ipAddress), () => accept(db, invId, input, client.origin));
}

async function accept(db: Db, invId: string, input: AcceptInvitationInput, origin?: string): Promise<{ user: User; setPasswordUrl?: string }> {
  const { invitation } = await invitationByToken(db, invId, input.token);
  const email = input.email.toLowerCase();
  if (email !== invitation.email.toLowerCase()) throw invalidField("email", "must be the invited e-mail address");
  if (input.role && input.role !== invitation.role) throw invalidField("role", `must be the invited role (${invitation.role})`);
  let passwordHash: string | null = null;
  if (input.password !== undefined) {
    assertPasswordPolicy(input.password, { email });
    passwordHash = await hashPassword(input.password);
  }
  return inTx(db, async (tx) => {
    // Locked and checked again, so two signups through one link cannot both succeed.
    const { invitation: inv } = await invitationByToken(tx, invId, input.token, { lock: true });
    const user = await insertUser(tx, {
      orgId: inv.organizationId,
      email,
      firstName: input.firstName,
      lastName: input.lastName,
      role: inv.role,
      passwordHash,
    });
    const setPasswordUrl = passwordHash
      ? undefined
      : await issueSetPasswordLink(tx, inv.organizationId, user.id, new Date(now().getTime() + SET_PASSWORD_LINK_MS), origin);
    await tx.delete(invitations).where(and(eq(invitations.organizationId, inv.organizationId), eq(invitations.id, inv.id)));
    await audit(tx, { orgId: inv.organizationId, userId: user.id }, "invitation.accepted", { type: "invitation", id: inv.id }, {
      invitedBy: inv.invitedBy,
    });
    return { user, ...(setPasswordUrl ? { setPasswordUrl } : {}) };
  });
}
