import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { GET as listSessions } from "@/app/v1/auth/sessions/route";
import { DELETE as revokeSession } from "@/app/v1/auth/sessions/[sessionId]/route";
import { GET as getOrg, PUT as putOrg } from "@/app/v1/orgs/[orgId]/route";
import { GET as getUser } from "@/app/v1/users/[userId]/route";
import { GET as listTeams, POST as createTeam } from "@/app/v1/teams/route";
import { DELETE as deleteTeam, GET as getTeam, PUT as putTeam } from "@/app/v1/teams/[teamId]/route";
import { DELETE as removeMember, PUT as putMember } from "@/app/v1/teams/[teamId]/members/[userId]/route";
import { testDbKind } from "../db";
import { call, db, makeOrg } from "../helpers";
import { expectNoSecrets, login, signupAndLogin } from "./helpers";

describe(`teams (${testDbKind()})`, () => {
  it("creates a team, sets members and managers, and a manager gains their members' data", async () => {
    const org = await makeOrg();
    const created = await call(createTeam, "POST", "/v1/teams", { token: org.admin.token, body: { name: "Mobile" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Mobile", members: [] });
    const teamId = created.body.id as string;
    const member = (userId: string, manager: boolean) =>
      call(putMember, "PUT", `/v1/teams/${teamId}/members/${userId}`, { token: org.admin.token, params: { teamId, userId }, body: { manager } });

    const readOutsider = () => call(getUser, "GET", `/v1/users/${org.outsider.id}`, { token: org.member.token, params: { userId: org.outsider.id } });
    expect((await readOutsider()).status).toBe(403);

    expect((await member(org.outsider.id, false)).status).toBe(200);
    const withManager = await member(org.member.id, true);
    expect(withManager.status).toBe(200);
    expect(withManager.body.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: org.member.id, manager: true }),
        expect.objectContaining({ userId: org.outsider.id, manager: false }),
      ]),
    );
    // a manager reads the members of the teams they manage, from the next request on
    expect((await readOutsider()).status).toBe(200);
    // a user may be in several teams
    const mine = await call(listTeams, "GET", "/v1/teams", { token: org.member.token });
    expect(mine.body.map((t: { id: string }) => t.id).sort()).toEqual([org.teamId, teamId].sort());
    const outsiders = await call(listTeams, "GET", "/v1/teams", { token: org.outsider.token });
    expect(outsiders.body.map((t: { id: string }) => t.id)).toEqual([teamId]);

    // demoting back to member removes the access
    expect((await member(org.member.id, false)).body.members).toEqual(expect.arrayContaining([expect.objectContaining({ userId: org.member.id, manager: false })]));
    expect((await readOutsider()).status).toBe(403);

    const renamed = await call(putTeam, "PUT", `/v1/teams/${teamId}`, { token: org.admin.token, params: { teamId }, body: { name: "Mobile apps" } });
    expect(renamed.body.name).toBe("Mobile apps");
    const removed = await call(removeMember, "DELETE", `/v1/teams/${teamId}/members/${org.outsider.id}`, { token: org.admin.token, params: { teamId, userId: org.outsider.id } });
    expect(removed.body).toEqual({ message: "Team member removed" });
    const removedAgain = await call(removeMember, "DELETE", `/v1/teams/${teamId}/members/${org.outsider.id}`, { token: org.admin.token, params: { teamId, userId: org.outsider.id } });
    expect(removedAgain.status).toBe(404);
    const read = await call(getTeam, "GET", `/v1/teams/${teamId}`, { token: org.admin.token, params: { teamId } });
    expect(read.body.members.map((m: { userId: string }) => m.userId)).toEqual([org.member.id]);

    const del = await call(deleteTeam, "DELETE", `/v1/teams/${teamId}`, { token: org.admin.token, params: { teamId } });
    expect(del.body).toEqual({ message: "Team deleted" });
    expect((await call(getTeam, "GET", `/v1/teams/${teamId}`, { token: org.admin.token, params: { teamId } })).status).toBe(404);
  });

  it.each([
    [createTeam, "POST", {}, "body.name"],
    [createTeam, "POST", { name: "" }, "body.name"],
    [putTeam, "PUT", { name: "" }, "body.name"],
    [putTeam, "PUT", { name: 5 }, "body.name"],
    [putMember, "PUT", { manager: "yes" }, "body.manager"],
  ])("validates the body (%#)", async (handler, method, body, field) => {
    const org = await makeOrg();
    const res = await call(handler, method, "/v1/teams", { token: org.admin.token, params: { teamId: org.teamId, userId: org.outsider.id }, body });
    expect(res.status).toBe(422);
    expect(res.body.details.field).toBe(field);
  });

  it("answers 400 for a malformed id", async () => {
    const org = await makeOrg();
    const res = await call(getTeam, "GET", "/v1/teams/nope", { token: org.admin.token, params: { teamId: "nope" } });
    expect(res.status).toBe(400);
    expect(res.body.details.field).toBe("params.teamId");
    const member = await call(putMember, "PUT", "/v1/teams/x/members/nope", { token: org.admin.token, params: { teamId: org.teamId, userId: "nope" }, body: { manager: true } });
    expect(member.status).toBe(400);
    expect(member.body.details.field).toBe("params.userId");
  });

  it("records renames in the audit log, with the team's members unchanged", async () => {
    const org = await makeOrg();
    const renamed = await call(putTeam, "PUT", `/v1/teams/${org.teamId}`, { token: org.admin.token, params: { teamId: org.teamId }, body: { name: "Team Renamed" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe("Team Renamed");
    expect(renamed.body.members.map((m: { userId: string }) => m.userId).sort()).toEqual([org.manager.id, org.member.id].sort());
    const entries = await (await db()).select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.entityId, org.teamId)));
    expect(entries).toEqual([expect.objectContaining({ action: "team.updated", actorId: org.admin.id, data: { fields: ["name"] } })]);
  });
});

describe(`sessions (${testDbKind()})`, () => {
  it("lists live sessions in the seed's shape and revokes one", async () => {
    const s = await signupAndLogin();
    const other = await login(s.email, s.password, { "user-agent": "Mozilla/5.0" });
    const list = await call(listSessions, "GET", "/v1/auth/sessions", { token: s.accessToken });
    expect(list.status).toBe(200);
    expectNoSecrets(list.body, s.accessToken, s.refreshToken, other.accessToken);
    const mozilla = list.body.find((x: { userAgent: string | null }) => x.userAgent === "Mozilla/5.0");
    expect(mozilla).toMatchObject({ userId: s.userId, kind: "password", expiresAt: other.expiresIn });
    expect(typeof mozilla.sessionStartedAt).toBe("number");
    expect(mozilla.expiresAt - mozilla.sessionStartedAt).toBe(24 * 60 * 60_000);
    expect(list.body).toHaveLength(2);

    const revoked = await call(revokeSession, "DELETE", `/v1/auth/sessions/${mozilla.id}`, { token: s.accessToken, params: { sessionId: mozilla.id } });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({ message: "Session revoked" });
    const me = await call(getUser, "GET", `/v1/users/${s.userId}`, { token: other.accessToken, params: { userId: s.userId } });
    expect(me.status).toBe(401);
    const after = await call(listSessions, "GET", "/v1/auth/sessions", { token: s.accessToken });
    expect(after.body.map((x: { id: string }) => x.id)).not.toContain(mozilla.id);
    // a session already revoked is no longer there to revoke
    const again = await call(revokeSession, "DELETE", `/v1/auth/sessions/${mozilla.id}`, { token: s.accessToken, params: { sessionId: mozilla.id } });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe("not_found");
  });

  it("answers 400 for a malformed session id, naming it", async () => {
    const s = await signupAndLogin();
    const res = await call(revokeSession, "DELETE", "/v1/auth/sessions/nope", { token: s.accessToken, params: { sessionId: "nope" } });
    expect(res.status).toBe(400);
    expect(res.body.details.field).toBe("params.sessionId");
  });
});

describe(`organisations (${testDbKind()})`, () => {
  it("reads and updates the organisation with both spellings of description", async () => {
    const s = await signupAndLogin();
    const put = await call(putOrg, "PUT", `/v1/orgs/${s.orgId}`, {
      token: s.accessToken,
      params: { orgId: s.orgId },
      body: { name: "Visidra Updated", email: "Contact.Updated@visidra.com", description: "456 New Address Rd, Tech City" },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      id: s.orgId,
      name: "Visidra Updated",
      email: "contact.updated@visidra.com",
      decription: "456 New Address Rd, Tech City",
      description: "456 New Address Rd, Tech City",
    });
    const get = await call(getOrg, "GET", `/v1/orgs/${s.orgId}`, { token: s.accessToken, params: { orgId: s.orgId } });
    expect(get.body).toEqual(put.body);
    const entries = await (await db()).select().from(auditLog).where(and(eq(auditLog.organizationId, s.orgId), eq(auditLog.action, "organization.updated")));
    expect(entries).toEqual([expect.objectContaining({ actorId: s.userId, entityId: s.orgId, data: { fields: ["name", "email", "description"] } })]);
  });

  it("answers 400 for a malformed organisation id, naming it", async () => {
    const org = await makeOrg();
    const res = await call(getOrg, "GET", "/v1/orgs/nope", { token: org.admin.token, params: { orgId: "nope" } });
    expect(res.status).toBe(400);
    expect(res.body.details.field).toBe("params.orgId");
  });

  it.each([
    [{ name: "" }, "body.name"],
    [{ email: "nope" }, "body.email"],
    [{ defaultTimeZone: "Nowhere/City" }, "body.defaultTimeZone"],
  ])("validates the update (%#)", async (body, field) => {
    const org = await makeOrg();
    const res = await call(putOrg, "PUT", `/v1/orgs/${org.id}`, { token: org.admin.token, params: { orgId: org.id }, body });
    expect(res.status).toBe(422);
    expect(res.body.details.field).toBe(field);
  });
});
