import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { teamMembers, teams, users } from "@/db/schema";
import { POST as productivityAnalysis } from "@/app/v1/dashboard/productivity-analysis/route";
import { POST as weeklySummary } from "@/app/v1/dashboard/weekly-summary/route";
import { POST as proofOfWork } from "@/app/v1/proof-of-work/timesheet/route";
import { now } from "@/base/clock";
import { testDbKind } from "../db";
import { addUser, call, db, makeOrg, type TestOrg } from "../helpers";

// Who may ask about whom: members about themselves, managers about their teams, admins
// about the organisation; a known id the caller may not read is 403, an unknown or foreign one 404.

const endpoints = [
  ["productivity-analysis", productivityAnalysis, "/v1/dashboard/productivity-analysis"],
  ["weekly-summary", weeklySummary, "/v1/dashboard/weekly-summary"],
  ["proof-of-work", proofOfWork, "/v1/proof-of-work/timesheet"],
] as const;

const range = { startDate: "2026-03-02 00:00:00", endDate: "2026-03-08 23:59:59", timeZone: "Europe/Berlin" };

async function otherTeam(org: TestOrg): Promise<string> {
  const d = await db();
  const [team] = await d.insert(teams).values({ organizationId: org.id, name: "Team B" }).returning();
  await d.insert(teamMembers).values({ organizationId: org.id, teamId: team!.id, userId: org.outsider.id });
  return team!.id;
}

type Who = "admin" | "manager" | "member" | "outsider";
type Sel = (org: TestOrg, teamB: string, foreign: TestOrg) => { userId?: string[]; teamId?: string[] };

const cases: Array<[string, Who, Sel, number]> = [
  ["member about themselves", "member", (o) => ({ userId: [o.member.id] }), 200],
  ["member about another member", "member", (o) => ({ userId: [o.outsider.id] }), 403],
  ["member about themselves and another", "member", (o) => ({ userId: [o.member.id, o.manager.id] }), 403],
  ["member about their own team", "member", (o) => ({ teamId: [o.teamId] }), 403],
  ["manager about a member of their team", "manager", (o) => ({ userId: [o.member.id] }), 200],
  ["manager about their team", "manager", (o) => ({ teamId: [o.teamId] }), 200],
  ["manager about another team", "manager", (o, b) => ({ teamId: [b] }), 403],
  ["manager about a user outside their teams", "manager", (o) => ({ userId: [o.outsider.id] }), 403],
  ["admin about any team and user", "admin", (o, b) => ({ userId: [o.member.id], teamId: [o.teamId, b] }), 200],
  ["admin about another organisation's user", "admin", (o, b, f) => ({ userId: [f.member.id] }), 404],
  ["admin about another organisation's team", "admin", (o, b, f) => ({ teamId: [f.teamId] }), 404],
  ["manager about an unknown user", "manager", () => ({ userId: [randomUUID()] }), 404],
  ["member about an unknown team", "member", () => ({ teamId: [randomUUID()] }), 404],
];

describe(`dashboard access (${testDbKind()})`, () => {
  it.each(endpoints)("%s: each permission case", async (_name, handler, path) => {
    const org = await makeOrg();
    const foreign = await makeOrg();
    const teamB = await otherTeam(org);
    for (const [label, who, sel, status] of cases) {
      const res = await call(handler, "POST", path, { token: org[who].token, body: { ...range, offset: 1, ...sel(org, teamB, foreign) } });
      expect(res.status, label).toBe(status);
      if (status !== 200) {
        expect(res.body.error.code, label).toBe(status === 403 ? "FORBIDDEN" : "NOT_FOUND");
        // proof of work's errors use the dashboard family's envelope too (issue 14)
        expect(res.body, label).toMatchObject({ success: false, data: null });
      }
    }
  });

  it.each(endpoints)("%s: 401 AUTHORIZATION_HEADER_MISSING without a token, INVALID_TOKEN with a bad one", async (_name, handler, path) => {
    const res = await call(handler, "POST", path, { body: { ...range, userId: [randomUUID()] } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("AUTHORIZATION_HEADER_MISSING");
    expect(res.body.statusCode).toBe(401);
    expect(res.body).toMatchObject({ success: false, data: null });
    const bad = await call(handler, "POST", path, { token: "tbat_nonsense", body: { ...range, userId: [randomUUID()] } });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe("INVALID_TOKEN");
  });

  it("selects the union of userId and the teams' members, without deactivated team members", async () => {
    const org = await makeOrg();
    const gone = await addUser(org.id);
    const d = await db();
    await d.insert(teamMembers).values({ organizationId: org.id, teamId: org.teamId, userId: gone.id });
    await d.update(users).set({ deactivatedAt: now() }).where(eq(users.id, gone.id));
    const res = await call(productivityAnalysis, "POST", "/v1/dashboard/productivity-analysis", {
      token: org.admin.token,
      body: { ...range, userId: [org.outsider.id, org.member.id], teamId: [org.teamId] },
    });
    expect(res.status).toBe(200);
    const ids = res.body.data.map((r: { user: { userId: string } }) => r.user.userId).sort();
    expect(ids).toEqual([org.manager.id, org.member.id, org.outsider.id].sort());
    // asked for by id, a deactivated user is still answered for
    const byId = await call(productivityAnalysis, "POST", "/v1/dashboard/productivity-analysis", { token: org.admin.token, body: { ...range, userId: [gone.id] } });
    expect(byId.body.data).toHaveLength(1);
  });
});
