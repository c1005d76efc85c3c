import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { teamMembers, teams, users } from "@/db/schema";
import { forbidden, notFound } from "@/lib/errors";
import type { Scope } from "./scopes";

// The one place that decides permissions (SPEC.md, "Permissions").
//
// Which layer checks what (issue 15):
// - the route wrapper (lib/http/handler.ts) checks what needs no row: credentials, the API key's
//   scope (RouteSpec.scope) and the organisation-level permission (RouteSpec.permission), before
//   the body is read, so a caller without the permission gets 403 whatever it sends;
// - services check object-level access (assertUserAccess, tenant scoping, owner-or-admin), since
//   only they load the rows.
// A service that is also called from a server component (the admin pages) keeps its own
// organisation-level check (requirePermission) as well: that is the guard of that entry point,
// not a duplicate to remove.
export const PERMISSIONS = ["TIME_TRACKER", "CAN_APPROVE_TIMESHEET", "ORG_ADMIN", "SUPER_USER"] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface Caller {
  orgId: string;
  userId: string;
  role: "admin" | "member";
  isSuperUser: boolean;
  /** Manages at least one team. */
  isManager: boolean;
  sessionId: string;
  sessionKind: "password" | "api_key" | "web";
  /** The API key's scopes for an API-key session; null (not limited) for the others. */
  scopes: Scope[] | null;
  email: string;
  firstName: string;
  lastName: string;
  timeZone: string;
  /** The origin the request reached (APP_URL or the request's own), for absolute links; set by the route wrapper. */
  origin?: string;
}

export function permissionsOf(c: Pick<Caller, "role" | "isManager" | "isSuperUser">): Set<Permission> {
  const p = new Set<Permission>(["TIME_TRACKER"]);
  if (c.role === "admin") {
    p.add("ORG_ADMIN");
    p.add("CAN_APPROVE_TIMESHEET");
  }
  if (c.isManager) p.add("CAN_APPROVE_TIMESHEET");
  if (c.isSuperUser) p.add("SUPER_USER");
  return p;
}

export function hasPermission(c: Caller, perm: Permission): boolean {
  return permissionsOf(c).has(perm);
}

export function requirePermission(c: Caller, perm: Permission): void {
  if (!hasPermission(c, perm)) throw forbidden(`This needs the ${perm} permission`);
}

export const isAdmin = (c: Caller) => c.role === "admin";

/** Ids (of the caller's organisation) of the users in the teams the caller manages. */
export async function managedUserIds(db: Db, c: Caller): Promise<string[]> {
  if (!c.isManager) return [];
  const rows = await db
    .selectDistinct({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(
      and(
        eq(teamMembers.organizationId, c.orgId),
        sql`${teamMembers.teamId} in (select team_id from team_members m where m.organization_id = ${c.orgId} and m.user_id = ${c.userId} and m.is_manager)`,
      ),
    );
  return rows.map((r) => r.userId);
}

export type UserAccess = "read" | "write" | "approve";

/**
 * Checks the caller may act on a user of the organisation: a foreign or unknown user is
 * 404, a known one the caller may not touch is 403. Nobody approves their own sheet.
 */
export async function assertUserAccess(db: Db, c: Caller, targetUserId: string, mode: UserAccess): Promise<void> {
  const [target] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, c.orgId), eq(users.id, targetUserId)));
  if (!target) throw notFound("User");
  if (targetUserId === c.userId) {
    if (mode === "approve") throw forbidden("Nobody approves their own timesheet");
    return;
  }
  if (isAdmin(c)) return;
  if (mode !== "write" && (await managedUserIds(db, c)).includes(targetUserId)) return;
  throw forbidden("You may not access this user's data");
}

/**
 * The users whose data the caller may read: everyone (admin), self and managed team
 * members (manager), self (member). `null` means "the whole organisation".
 */
export async function readableUserIds(db: Db, c: Caller): Promise<string[] | null> {
  if (isAdmin(c)) return null;
  return [c.userId, ...(await managedUserIds(db, c))];
}

/** Checks every requested user exists in the organisation (404) and is readable (403). */
export async function assertUsersReadable(db: Db, c: Caller, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, c.orgId), inArray(users.id, unique)));
  if (found.length !== unique.length) throw notFound("User");
  const readable = await readableUserIds(db, c);
  if (readable && unique.some((id) => !readable.includes(id))) {
    throw forbidden("You may not access this user's data");
  }
}

/**
 * Checks every requested team exists in the organisation (404) and that the caller may
 * read all of its members' data (403): admins any team, managers the teams they manage.
 * Belonging to a team is not enough, since the team holds other people's data.
 */
export async function assertTeamsReadable(db: Db, c: Caller, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  const found = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.organizationId, c.orgId), inArray(teams.id, unique)));
  if (found.length !== unique.length) throw notFound("Team");
  if (isAdmin(c)) return;
  const managed = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.organizationId, c.orgId), eq(teamMembers.userId, c.userId), eq(teamMembers.isManager, true), inArray(teamMembers.teamId, unique)));
  if (managed.length !== unique.length) throw forbidden("You may only read the teams you manage");
}

/**
 * Projects and tasks: any member creates them; only their creator or an admin changes them
 * (the same rule as for time entries: the owner or an admin).
 */
export function assertCreatorOrAdmin(c: Caller, creatorId: string, what: string): void {
  if (c.userId !== creatorId && !isAdmin(c)) throw forbidden(`Only the creator of the ${what} or an admin may change it`);
}

/**
 * Time reports (/v1/reports, the seed's "internal" endpoints) are for the platform super user
 * (any organisation), admins (their organisation) and team managers (their teams' members).
 * Plain members get 403 before anything is looked up.
 */
export function assertMayReadReports(c: Caller): void {
  if (hasPermission(c, "SUPER_USER") || isAdmin(c) || c.isManager) return;
  throw forbidden("Reports are for admins and team managers");
}

/**
 * Whose entries a report over organisation `orgId` may count: null means everyone's (super
 * user, or an admin of that organisation); a manager counts the members of the teams they
 * manage and themselves. Another organisation is "not found" for anyone but the super user.
 */
export async function reportUserScope(db: Db, c: Caller, orgId: string): Promise<string[] | null> {
  assertMayReadReports(c);
  if (hasPermission(c, "SUPER_USER")) return null;
  if (orgId !== c.orgId) throw notFound("Report subject");
  if (isAdmin(c)) return null;
  return [...new Set([c.userId, ...(await managedUserIds(db, c))])];
}

/** The organisation a report's subject (task, project, user) must belong to; null: any (the super user). */
export function reportSubjectOrg(c: Caller): string | null {
  return hasPermission(c, "SUPER_USER") ? null : c.orgId;
}
