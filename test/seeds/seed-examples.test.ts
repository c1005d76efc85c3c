import { describe, expect, it } from "vitest";
import { POST as createInvitation } from "@/app/v1/invitations/route";
import { POST as invitationSignup } from "@/app/v1/auth/invitations/[invId]/signup/route";
import { POST as setPassword } from "@/app/v1/auth/set-password/route";
import { POST as proofOfWork } from "@/app/v1/proof-of-work/timesheet/route";
import { GET as report } from "@/app/api/timesheet/time-log/report/route";
import { GET as dailyChart } from "@/app/api/timesheet/time-log/report/daily-chart/route";
import { setClock } from "@/base/clock";
import { testDbKind } from "../db";
import { call, makeOrg, type TestOrg } from "../helpers";
import { login, PASSWORD, tokenOf } from "../accounts/helpers";
import { addProject, api, fixClock, logTime, resetClockAfterEach } from "../timesheet/fixtures";

// Issue 14: each seed's own example, replayed as written (bodies and queries copied from the seeds).
resetClockAfterEach();

describe(`seed 004: PUT /api/timesheet/deny with the seed's body (${testDbKind()})`, () => {
  it("denies { ids } without a reason; a reason, when sent, is stored and shown", async () => {
    fixClock("2026-03-13T12:00:00Z");
    const org = await makeOrg();
    const a = (await logTime(org.member.token, "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z")).timesheetId as string;
    expect((await api.submit(org.member.token, [a])).status).toBe(200);

    // seed 004: { "ids": ["timesheet-uuid-1"] }
    const res = await call((await import("@/app/api/timesheet/deny/route")).PUT, "PUT", "/api/timesheet/deny", { token: org.manager.token, body: { ids: [a] } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items[0]).toMatchObject({ id: a, status: "DENIED", reason: null, reviewedBy: org.manager.id });

    // a blank reason is no reason; a real one is trimmed, stored and shown in the sheet list
    expect((await api.submit(org.member.token, [a])).status).toBe(200);
    expect((await api.deny(org.manager.token, [a], "   ")).body.items[0].reason).toBeNull();
    expect((await api.submit(org.member.token, [a])).status).toBe(200);
    expect((await api.deny(org.manager.token, [a], "  Tuesday is missing  ")).body.items[0].reason).toBe("Tuesday is missing");
    const listed = await api.listSheets(org.member.token, { startDate: "2026-03-02", endDate: "2026-03-08" });
    expect(listed.body.items[0]).toMatchObject({ id: a, status: "DENIED", reason: "Tuesday is missing" });
  });
});

async function invite(org: TestOrg, email: string, role?: "admin" | "member") {
  const res = await call(createInvitation, "POST", "/v1/invitations", { token: org.admin.token, body: { email, ...(role ? { role } : {}) } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.invitation as { id: string; link: string };
}

function signup(invId: string, body: object, token?: string) {
  return call(invitationSignup, "POST", `/v1/auth/invitations/${invId}/signup`, { params: { invId }, body, query: token ? { token } : undefined });
}

describe(`seed 003: POST /v1/auth/invitations/{invId}/signup with the seed's body (${testDbKind()})`, () => {
  it("accepts { firstName, lastName, email, role } with the link's token, answers the user and a setPasswordUrl", async () => {
    const org = await makeOrg();
    const email = `john.doe+${org.id.slice(0, 8)}@example.com`;
    const inv = await invite(org, email);
    // seed 003: { "firstName": "John", "lastName": "Doe", "email": "john.doe@example.com", "role": "member" }
    const body = { firstName: "John", lastName: "Doe", email, role: "member" };
    const res = await signup(inv.id, body, tokenOf(inv.link));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ firstName: "John", lastName: "Doe", email, role: "member" });
    expect(Object.keys(res.body)).toEqual(expect.arrayContaining(["id", "createdAt", "updatedAt", "setPasswordUrl"]));
    expect(res.body.setPasswordUrl).toMatch(/\/set-password\?token=/);

    // the link is spent; the set-password link works once and then the user signs in
    expect((await signup(inv.id, body, tokenOf(inv.link))).status).toBe(404);
    const set = await call(setPassword, "POST", "/v1/auth/set-password", { body: { token: tokenOf(res.body.setPasswordUrl), password: PASSWORD } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect((await login(email, PASSWORD)).accessToken).toBeTruthy();
  });

  it("refuses another e-mail (422 body.email) and another role (422 body.role, never an upgrade), and changes nothing", async () => {
    const org = await makeOrg();
    const email = `jane+${org.id.slice(0, 8)}@example.com`;
    const inv = await invite(org, email);
    const token = tokenOf(inv.link);
    const cases: Array<[object, string]> = [
      [{ firstName: "J", lastName: "D", email: `other+${org.id.slice(0, 8)}@example.com`, role: "member" }, "body.email"],
      [{ firstName: "J", lastName: "D", email, role: "admin" }, "body.role"],
      [{ firstName: "J", lastName: "D", email, role: "owner" }, "body.role"],
      [{ firstName: "J", lastName: "D", email, role: "member" }, "body.token"],
    ];
    for (const [body, field] of cases) {
      const res = await signup(inv.id, body, field === "body.token" ? undefined : token);
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.details.field).toBe(field);
    }
    // the invitation still works: nothing was spent by the refusals; e-mail case does not matter
    const ok = await signup(inv.id, { firstName: "J", lastName: "D", email: email.toUpperCase(), role: "member" }, token);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });

  it("keeps the expiry, and answers as before when a password is sent (no setPasswordUrl)", async () => {
    const base = Date.parse("2026-05-04T12:00:00Z");
    setClock(() => new Date(base));
    const org = await makeOrg();
    const email = `late+${org.id.slice(0, 8)}@example.com`;
    const inv = await invite(org, email, "admin");
    setClock(() => new Date(base + 24 * 3600_000 + 1000));
    expect((await signup(inv.id, { firstName: "L", lastName: "T", email, role: "admin" }, tokenOf(inv.link))).status).toBe(410);

    setClock(() => new Date(base));
    const email2 = `pw+${org.id.slice(0, 8)}@example.com`;
    const inv2 = await invite(org, email2, "admin");
    const res = await signup(inv2.id, { token: tokenOf(inv2.link), firstName: "P", lastName: "W", email: email2, role: "admin", password: PASSWORD });
    expect(res.status).toBe(201);
    expect(res.body.role).toBe("admin");
    expect(res.body).not.toHaveProperty("setPasswordUrl");
  });
});

describe(`seed 002: POST /v1/proof-of-work/timesheet errors (${testDbKind()})`, () => {
  // seed 002's request, with its user id (which is not in the caller's organisation)
  const seedBody = { startDate: "2026-02-08 00:00:00", endDate: "2026-02-08 23:59:59", timeZone: "Asia/Kolkata", userId: ["ab7c4f30-1024-471a-a767-739df0dc53fd"], offset: 1, teamId: [] };

  it("answers errors in the dashboard family's envelope, success: false included", async () => {
    const org = await makeOrg();
    const noAuth = await call(proofOfWork, "POST", "/v1/proof-of-work/timesheet", { body: seedBody });
    expect(noAuth.status).toBe(401);
    expect(noAuth.body).toEqual({
      success: false,
      statusCode: 401,
      statusMessage: noAuth.body.error.message,
      data: null,
      error: { message: expect.any(String), code: "AUTHORIZATION_HEADER_MISSING" },
    });
    const foreign = await call(proofOfWork, "POST", "/v1/proof-of-work/timesheet", { token: org.admin.token, body: seedBody });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ success: false, statusCode: 404, data: null, error: { code: "NOT_FOUND" } });
    expect(foreign.body).not.toHaveProperty("response");
    const bad = await call(proofOfWork, "POST", "/v1/proof-of-work/timesheet", { token: org.admin.token, body: { ...seedBody, userId: [org.member.id], offset: 0 } });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ success: false, statusCode: 422, data: null, error: { code: "REQUEST_VALIDATION_FAILED" } });

    // the success envelope stays the seed's
    const ok = await call(proofOfWork, "POST", "/v1/proof-of-work/timesheet", { token: org.admin.token, body: { ...seedBody, userId: [org.member.id] } });
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.body).sort()).toEqual(["error", "response", "statusCode", "statusMessage"]);
  });
});

describe(`seed 004: GET /api/timesheet/time-log/report (${testDbKind()})`, () => {
  it("answers the seed's query ?startDate=2024-01-01&endDate=2024-01-31&groupBy=project with the range's seconds per project", async () => {
    fixClock("2024-02-15T12:00:00Z");
    const org = await makeOrg();
    const alpha = await addProject(org.id, org.admin.id, "Alpha");
    const beta = await addProject(org.id, org.admin.id, "Beta");
    await logTime(org.member.token, "2024-01-15T09:00:00Z", "2024-01-15T17:00:00Z", { projectId: alpha.id });
    await logTime(org.member.token, "2024-01-16T09:00:00Z", "2024-01-16T10:00:00Z", { projectId: beta.id });
    await logTime(org.member.token, "2024-01-31T23:00:00Z", "2024-02-01T01:00:00Z", { projectId: alpha.id }); // half inside
    await logTime(org.member.token, "2024-01-17T09:00:00Z", "2024-01-17T09:30:00Z");

    // seed 004: GET /api/timesheet/time-log/report/daily-chart?startDate=2024-01-01&endDate=2024-01-31&groupBy=project, without /daily-chart
    const query = { startDate: "2024-01-01", endDate: "2024-01-31", groupBy: "project" };
    const res = await call(report, "GET", "/api/timesheet/time-log/report", { token: org.member.token, query });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ groupBy: "project", startDate: "2024-01-01", endDate: "2024-01-31", total: 3, duration: 8 * 3600 + 3600 + 3600 + 1800 });
    expect(res.body.items).toEqual([
      { id: alpha.id, name: "Alpha", duration: 9 * 3600 },
      { id: beta.id, name: "Beta", duration: 3600 },
      { id: null, name: "No project", duration: 1800 },
    ]);

    // it is the daily chart summed: the two never disagree
    const chart = await call(dailyChart, "GET", "/api/timesheet/time-log/report/daily-chart", { token: org.member.token, query });
    expect(chart.body.items.reduce((s: number, d: { duration: number }) => s + d.duration, 0)).toBe(res.body.duration);

    const byDate = await call(report, "GET", "/api/timesheet/time-log/report", { token: org.member.token, query: { ...query, groupBy: "date" } });
    expect(byDate.body.items).toHaveLength(31);
    expect(byDate.body.items[14]).toEqual({ id: "2024-01-15", name: "2024-01-15", duration: 8 * 3600 });
  });

  it("scopes like the daily chart: a member's own time only, 403 for another's, 422 for a bad groupBy, 401 without a token", async () => {
    fixClock("2024-02-15T12:00:00Z");
    const org = await makeOrg();
    await logTime(org.member.token, "2024-01-15T09:00:00Z", "2024-01-15T10:00:00Z");
    const query = { startDate: "2024-01-01", endDate: "2024-01-31", groupBy: "employee" };
    const own = await call(report, "GET", "/api/timesheet/time-log/report", { token: org.outsider.token, query });
    expect(own.body).toMatchObject({ items: [], total: 0, duration: 0 });
    expect((await call(report, "GET", "/api/timesheet/time-log/report", { token: org.outsider.token, query: { ...query, employeeId: org.member.id } })).status).toBe(403);
    const manager = await call(report, "GET", "/api/timesheet/time-log/report", { token: org.manager.token, query });
    expect(manager.body.items).toEqual([{ id: org.member.id, name: expect.any(String), duration: 3600 }]);
    const bad = await call(report, "GET", "/api/timesheet/time-log/report", { token: org.member.token, query: { ...query, groupBy: "client" } });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toMatch(/^query\.groupBy:/);
    expect((await call(report, "GET", "/api/timesheet/time-log/report", { query })).status).toBe(401);
  });
});
