import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { teamMembers, teams, users, type Team } from "@/db/schema";
import { now } from "@/base/clock";
import { forbidden, notFound } from "@/lib/errors";
import { isAdmin, requirePermission, type Caller } from "@/lib/auth/permissions";
import { audit } from "@/lib/services/platform/audit";
import { inTx } from "@/lib/services/platform/tx";
import { countWhere, paginate, type Page, type Paged } from "@/lib/services/platform/paging";
import { userInOrg } from "@/lib/services/accounts/users";
import type { TeamView } from "@/lib/validation/account-responses";

export interface TeamMemberView {
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
  manager: boolean;
}

export interface TeamWithMembers extends Team {
  members: TeamMemberView[];
}

export function teamView(t: TeamWithMembers): TeamView {
  return {
    id: t.id,
    name: t.name,
    members: t.members,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

async function withMembers(db: Db, orgId: string, list: Team[]): Promise<TeamWithMembers[]> {
  if (list.length === 0) return [];
  const rows = await db
    .select({
      teamId: teamMembers.teamId,
      userId: teamMembers.userId,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      manager: teamMembers.isManager,
    })
    .from(teamMembers)
    .innerJoin(users, and(eq(users.organizationId, teamMembers.organizationId), eq(users.id, teamMembers.userId)))
    .where(and(eq(teamMembers.organizationId, orgId), inArray(teamMembers.teamId, list.map((t) => t.id))))
    .orderBy(asc(users.lastName), asc(users.firstName));
  return list.map((t) => ({
    ...t,
    members: rows.filter((r) => r.teamId === t.id).map(({ teamId: _teamId, ...m }) => m),
  }));
}

async function teamInOrg(db: Db, orgId: string, teamId: string): Promise<Team> {
  const [team] = await db.select().from(teams).where(and(eq(teams.organizationId, orgId), eq(teams.id, teamId)));
  if (!team) throw notFound("Team");
  return team;
}

async function isTeamMember(db: Db, c: Caller, teamId: string): Promise<boolean> {
  const [m] = await db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.organizationId, c.orgId), eq(teamMembers.teamId, teamId), eq(teamMembers.userId, c.userId)));
  return Boolean(m);
}

/** Admins see every team; everyone else the teams they belong to. */
export async function listTeams(db: Db, caller: Caller, page?: Page): Promise<Paged<TeamWithMembers>> {
  const mine = sql`${teams.id} in (select team_id from team_members m where m.organization_id = ${caller.orgId} and m.user_id = ${caller.userId})`;
  const where = and(eq(teams.organizationId, caller.orgId), isAdmin(caller) ? undefined : mine);
  const list = await paginate(db.select().from(teams).where(where).orderBy(asc(teams.name), asc(teams.id)).$dynamic(), page, countWhere(db, teams, where));
  const items = await withMembers(db, caller.orgId, list.items);
  return { items, total: list.total };
}

export async function getTeam(db: Db, caller: Caller, teamId: string): Promise<TeamWithMembers> {
  const team = await teamInOrg(db, caller.orgId, teamId);
  if (!isAdmin(caller) && !(await isTeamMember(db, caller, teamId))) throw forbidden("You are not a member of this team");
  return (await withMembers(db, caller.orgId, [team]))[0]!;
}

export async function createTeam(db: Db, caller: Caller, input: { name: string }): Promise<TeamWithMembers> {
  requirePermission(caller, "ORG_ADMIN");
  return inTx(db, async (tx) => {
    const at = now();
    const [team] = await tx.insert(teams).values({ organizationId: caller.orgId, name: input.name, createdAt: at, updatedAt: at }).returning();
    await audit(tx, caller, "team.created", { type: "team", id: team!.id });
    return { ...team!, members: [] };
  });
}

export async function updateTeam(db: Db, caller: Caller, teamId: string, input: { name?: string }): Promise<TeamWithMembers> {
  requirePermission(caller, "ORG_ADMIN");
  return inTx(db, async (tx) => {
    const [team] = await tx
      .update(teams)
      .set({ name: input.name, updatedAt: now() })
      .where(and(eq(teams.organizationId, caller.orgId), eq(teams.id, teamId)))
      .returning();
    if (!team) throw notFound("Team");
    await audit(tx, caller, "team.updated", { type: "team", id: teamId }, { fields: Object.keys(input) });
    return (await withMembers(tx, caller.orgId, [team]))[0]!;
  });
}

export async function deleteTeam(db: Db, caller: Caller, teamId: string): Promise<void> {
  requirePermission(caller, "ORG_ADMIN");
  await inTx(db, async (tx) => {
    const rows = await tx
      .delete(teams)
      .where(and(eq(teams.organizationId, caller.orgId), eq(teams.id, teamId)))
      .returning({ id: teams.id });
    if (rows.length === 0) throw notFound("Team");
    await audit(tx, caller, "team.deleted", { type: "team", id: teamId });
  });
}

/** Adds a user of the organisation to a team, or changes whether they manage it. */
export async function setTeamMember(
  db: Db,
  caller: Caller,
  teamId: string,
  userId: string,
  input: { manager: boolean },
): Promise<TeamWithMembers> {
  requirePermission(caller, "ORG_ADMIN");
  return inTx(db, async (tx) => {
    const team = await teamInOrg(tx, caller.orgId, teamId);
    await userInOrg(tx, caller.orgId, userId);
    await tx
      .insert(teamMembers)
      .values({ organizationId: caller.orgId, teamId, userId, isManager: input.manager, createdAt: now() })
      .onConflictDoUpdate({
        target: [teamMembers.organizationId, teamMembers.teamId, teamMembers.userId],
        set: { isManager: input.manager },
      });
    await audit(tx, caller, "team.member_set", { type: "team", id: teamId }, { userId, manager: input.manager });
    return (await withMembers(tx, caller.orgId, [team]))[0]!;
  });
}

export async function removeTeamMember(db: Db, caller: Caller, teamId: string, userId: string): Promise<void> {
  requirePermission(caller, "ORG_ADMIN");
  await inTx(db, async (tx) => {
    await teamInOrg(tx, caller.orgId, teamId);
    const rows = await tx
      .delete(teamMembers)
      .where(and(eq(teamMembers.organizationId, caller.orgId), eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
      .returning({ userId: teamMembers.userId });
    if (rows.length === 0) throw notFound("Team member");
    await audit(tx, caller, "team.member_removed", { type: "team", id: teamId }, { userId });
  });
}
