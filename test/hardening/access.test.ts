import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { timeEntries, projects, users, timesheets, organizations } from "@/db/schema";
import { setClock } from "@/base/clock";
import { createSession } from "@/lib/services/accounts";
import { GET as listUsers, POST as createUser } from "@/app/v1/users/route";
import { PUT as putUser } from "@/app/v1/users/[userId]/route";
import { POST as createProject } from "@/app/v1/projects/route";
import { POST as createLog } from "@/app/api/timesheet/time-log/route";
import { POST as timerStart } from "@/app/api/timesheet/timer/start/route";
import { PUT as submit } from "@/app/api/timesheet/submit/route";
import { GET as listSheets } from "@/app/api/timesheet/route";
import { POST as logout } from "@/app/v1/auth/logout/route";
import { POST as refresh } from "@/app/v1/auth/refresh/route";
import { POST as createTeam } from "@/app/v1/teams/route";
import { POST as signup } from "@/app/v1/auth/signup/route";
import { testDbKind } from "../db";
import { db, makeOrg } from "../helpers";
import { credentialsOf, refreshStoredHashes, scall, webCookie } from "./kit";

// Mass assignment (a table of write routes × fields a caller must not set) and the token rules
// test/accounts does not already cover. Every answer goes through scall(), which fails on a
// password hash, a stored token hash or an earlier token in any body.

afterEach(() => setClock(null));

describe(`mass assignment (${testDbKind()})`, () => {
  it("a member's time log with someone else's employeeId, another organisationId and approval fields is the member's own or refused", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    await refreshStoredHashes();
    const start = new Date(Date.now() - 30 * 3600_000);
    start.setUTCMilliseconds(0);
    const cases = [
      { employeeId: org.manager.id },
      { organizationId: other.id },
      { userId: org.admin.id, approvedAt: new Date().toISOString(), status: "APPROVED" },
      { isSuperUser: true, role: "admin" },
    ];
    for (const [i, extra] of cases.entries()) {
      const s = new Date(start.getTime() + i * 2 * 3600_000);
      const res = await scall(createLog, "POST", "/api/timesheet/time-log", {
        token: org.member.token,
        body: { startedAt: s.toISOString(), stoppedAt: new Date(s.getTime() + 600_000).toISOString(), ...extra },
      });
      expect(res.status, JSON.stringify(res.body)).not.toBe(500);
      if (res.status < 300) {
        const [row] = await (await db()).select().from(timeEntries).where(eq(timeEntries.id, res.body.id));
        expect(row!.organizationId).toBe(org.id);
        expect(row!.userId).toBe(org.member.id);
      }
    }
    const foreign = await (await db()).select().from(timeEntries).where(eq(timeEntries.organizationId, other.id));
    expect(foreign).toEqual([]);
    const managerRows = await (await db()).select().from(timeEntries).where(and(eq(timeEntries.organizationId, org.id), eq(timeEntries.userId, org.manager.id)));
    expect(managerRows).toEqual([]);
  });

  it("the timer starts for the caller whatever employeeId or organizationId the body names", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const res = await scall(timerStart, "POST", "/api/timesheet/timer/start", { token: org.member.token, body: { employeeId: org.manager.id, userId: org.manager.id, organizationId: other.id } });
    expect(res.status).not.toBe(500);
    const running = await (await db()).select().from(timeEntries).where(sql`${timeEntries.stoppedAt} is null and ${timeEntries.organizationId} in (${org.id}, ${other.id})`);
    expect(running.every((r) => r.userId === org.member.id && r.organizationId === org.id)).toBe(true);
  });

  it("a project created with organizationId, userId and isSuperUser belongs to the caller's organisation and the caller", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const res = await scall(createProject, "POST", "/v1/projects", { token: org.member.token, body: { name: "mass", organizationId: other.id, userId: org.admin.id, isSuperUser: true } });
    expect(res.status).toBe(201);
    const [row] = await (await db()).select().from(projects).where(eq(projects.id, res.body.id));
    expect(row!.organizationId).toBe(org.id);
    expect(row!.userId).toBe(org.member.id);
  });

  it("a member cannot make themself admin, reactivate, or move organisation through PUT /v1/users/{self}", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    for (const body of [{ role: "admin" }, { active: false, role: "admin" }, { organizationId: other.id, firstName: "X" }, { isSuperUser: true, firstName: "Y" }]) {
      const res = await scall(putUser, "PUT", `/v1/users/${org.member.id}`, { token: org.member.token, params: { userId: org.member.id }, body });
      expect(res.status).not.toBe(500);
    }
    const [me] = await (await db()).select().from(users).where(and(eq(users.organizationId, org.id), eq(users.id, org.member.id)));
    expect(me!.role).toBe("member");
    expect(me!.deactivatedAt).toBeNull();
    expect(me!.isSuperUser).toBe(false);
  });

  it("submitting a sheet with status APPROVED and approvedAt leaves it PENDING and unapproved", async () => {
    const org = await makeOrg();
    const start = new Date(Date.now() - 28 * 3600_000);
    start.setUTCMilliseconds(0);
    await scall(createLog, "POST", "/api/timesheet/time-log", { token: org.member.token, body: { startedAt: start.toISOString(), stoppedAt: new Date(start.getTime() + 600_000).toISOString() } });
    const day = start.toISOString().slice(0, 10);
    const sheet = (await scall(listSheets, "GET", "/api/timesheet", { token: org.member.token, query: { startDate: day, endDate: day } })).body.items[0];
    const res = await scall(submit, "PUT", "/api/timesheet/submit", { token: org.member.token, body: { ids: [sheet.id], status: "APPROVED", approvedAt: new Date().toISOString(), approvedBy: org.member.id } });
    expect(res.status).not.toBe(500);
    const [row] = await (await db()).select().from(timesheets).where(eq(timesheets.id, sheet.id));
    expect(row!.status).not.toBe("APPROVED");
  });

  it("creating a user or a team with organizationId lands in the caller's organisation; signup ignores role and organizationId", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const u = await scall(createUser, "POST", "/v1/users", { token: org.admin.token, body: { email: `m-${Date.now()}@example.test`, role: "member", organizationId: other.id, isSuperUser: true } });
    expect(u.status).toBe(201);
    const [row] = await (await db()).select().from(users).where(eq(users.id, u.body.id ?? u.body.user.id));
    expect(row!.organizationId).toBe(org.id);
    expect(row!.isSuperUser).toBe(false);
    const t = await scall(createTeam, "POST", "/v1/teams", { token: org.admin.token, body: { name: "T", organizationId: other.id } });
    expect(t.status).toBe(201);
    const s = await scall(signup, "POST", "/v1/auth/signup", {
      body: { email: `s-${Date.now()}@example.test`, password: "correct-Horse-7-battery", firstName: "S", lastName: "U", orgName: "New", organizationId: other.id, role: "member" },
    });
    expect(s.status).toBe(201);
    expect(s.body.org.id).not.toBe(other.id);
    const [otherOrg] = await (await db()).select().from(organizations).where(eq(organizations.id, other.id));
    expect(otherOrg!.name).not.toBe("New");
  });
});

describe(`tokens (${testDbKind()})`, () => {
  it("an expired access token answers 401", async () => {
    const org = await makeOrg();
    setClock(() => new Date(Date.now() + 25 * 3600_000));
    expect((await scall(listUsers, "GET", "/v1/users", { token: org.member.token })).status).toBe(401);
  });

  it("a revoked (logged-out) token answers 401 on the next request", async () => {
    const org = await makeOrg();
    expect((await scall(logout, "POST", "/v1/auth/logout", { token: org.member.token })).status).toBeLessThan(300);
    expect((await scall(listUsers, "GET", "/v1/users", { token: org.member.token })).status).toBe(401);
  });

  it("a refresh token presented as an access token, and an API key presented as a bearer, answer 401", async () => {
    const org = await makeOrg();
    const s = await createSession(await db(), { orgId: org.id, userId: org.member.id, kind: "password" });
    expect((await scall(listUsers, "GET", "/v1/users", { token: s.refreshToken! })).status).toBe(401);
    // and an access token presented as a refresh token
    expect((await scall(refresh, "POST", "/v1/auth/refresh", { body: { refreshToken: s.accessToken } })).status).toBe(401);
  });

  it("a deactivated user's bearer, API-key session and web cookie all fail on the very next request", async () => {
    const org = await makeOrg();
    const creds = await credentialsOf(org.id, org.member.id);
    for (const c of creds) expect((await scall(listUsers, "GET", "/v1/users", { headers: c.headers })).status, c.kind).toBe(200);
    expect((await scall(putUser, "PUT", `/v1/users/${org.member.id}`, { token: org.admin.token, params: { userId: org.member.id }, body: { active: false } })).status).toBe(200);
    for (const c of creds) expect((await scall(listUsers, "GET", "/v1/users", { headers: c.headers })).status, c.kind).toBe(401);
  });

  it("a role change applies on the next request, for every credential kind", async () => {
    const org = await makeOrg();
    const creds = await credentialsOf(org.id, org.member.id);
    const newTeam = (headers: Record<string, string>) => scall(createTeam, "POST", "/v1/teams", { headers, body: { name: `t${Math.random()}` } });
    for (const c of creds) expect((await newTeam(c.headers)).status, c.kind).toBe(403);
    expect((await scall(putUser, "PUT", `/v1/users/${org.member.id}`, { token: org.admin.token, params: { userId: org.member.id }, body: { role: "admin" } })).status).toBe(200);
    // a key keeps the scopes it was created with: a member's key never gains `admin`
    for (const c of creds) expect((await newTeam(c.headers)).status, c.kind).toBe(c.kind === "apiKey" ? 403 : 201);
    expect((await scall(putUser, "PUT", `/v1/users/${org.member.id}`, { token: org.admin.token, params: { userId: org.member.id }, body: { role: "member" } })).status).toBe(200);
    for (const c of creds) expect((await newTeam(c.headers)).status, c.kind).toBe(403);
  });

  it("a web cookie whose JWT is signed with another secret answers 401", async () => {
    const org = await makeOrg();
    const cookie = (await webCookie(org.member.token, org.member.id)).replace(/.{6}$/, "AAAAAA");
    expect((await scall(listUsers, "GET", "/v1/users", { headers: { cookie } })).status).toBe(401);
  });
});
