import { afterEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { activities, dashboardDayRollups, teamMembers, timeEntries } from "@/db/schema";
import { POST as productivityAnalysis } from "@/app/v1/dashboard/productivity-analysis/route";
import { POST as weeklySummary } from "@/app/v1/dashboard/weekly-summary/route";
import * as rules from "@/app/v1/productivity-rules/route";
import { setClock } from "@/base/clock";
import { testDbKind } from "../db";
import { call, db, makeOrg, type TestOrg } from "../helpers";
import { addActivities, addEntries, addRules } from "./fixtures";

// The per-user-day rollup cache answers exactly what the raw computation answers: each kind
// of change (entries, activities, rules, team memberships) makes the days it touches compute
// again, and days that are not whole and past are never cached.

afterEach(() => setClock(null));

const DAY = "2026-03-04";
const body = (org: TestOrg, tz = "UTC") => ({ startDate: `${DAY} 00:00:00`, endDate: `${DAY} 23:59:59`, timeZone: tz, userId: [org.member.id] });

async function summary(org: TestOrg, tz = "UTC") {
  const res = await call(productivityAnalysis, "POST", "/v1/dashboard/productivity-analysis", { token: org.admin.token, body: body(org, tz) });
  expect(res.status).toBe(200);
  return res.body.data[0].timeSummary as Record<string, number>;
}

async function cachedDays(org: TestOrg) {
  const rows = await (await db()).select().from(dashboardDayRollups).where(eq(dashboardDayRollups.organizationId, org.id));
  return rows.map((r) => `${r.timeZone} ${r.day}`).sort();
}

async function seeded(): Promise<TestOrg> {
  const org = await makeOrg();
  await addRules(org.id, [
    { matchType: "APP", pattern: "code", classification: "PRODUCTIVE" },
    { matchType: "DOMAIN", pattern: "youtube.com", classification: "UNPRODUCTIVE" },
  ]);
  await addEntries(org.id, org.member.id, [{ start: `${DAY}T09:00:00Z`, stop: `${DAY}T12:00:00Z` }]);
  await addActivities(org.id, org.member.id, [
    { type: "APP", name: "Code", start: `${DAY}T09:00:00Z`, seconds: 3600 },
    { type: "APP", name: "Slack", start: `${DAY}T10:00:00Z`, seconds: 600 },
  ]);
  return org;
}

describe(`dashboard rollups (${testDbKind()})`, () => {
  it("caches whole past days per time zone and answers the same from the cache", async () => {
    const org = await seeded();
    const cold = await summary(org);
    expect(cold).toEqual({ activeWorkedTimeInSeconds: 10800, productiveWorkedTimeInSeconds: 3600, unproductiveWorkedTimeInSeconds: 0, neutralWorkedTimeInSeconds: 7200 });
    expect(await cachedDays(org)).toEqual([`UTC ${DAY}`]);
    expect(await summary(org)).toEqual(cold);
    // the second answer came from the cache: a (deliberately) changed cached day shows through
    await (await db()).update(dashboardDayRollups).set({ work: "10801" }).where(eq(dashboardDayRollups.organizationId, org.id));
    expect(await summary(org)).toMatchObject({ activeWorkedTimeInSeconds: 10801, neutralWorkedTimeInSeconds: 7201 });
    // another zone is another set of days
    await summary(org, "Asia/Kolkata");
    expect(await cachedDays(org)).toEqual([`Asia/Kolkata ${DAY}`, `UTC ${DAY}`]);
    // a week caches its seven days, with or without time in them
    await call(weeklySummary, "POST", "/v1/dashboard/weekly-summary", { token: org.admin.token, body: body(org) });
    expect((await cachedDays(org)).filter((d) => d.startsWith("UTC"))).toHaveLength(7);
  });

  it("computes again after each kind of change", async () => {
    const org = await seeded();
    const d = await db();
    await summary(org);
    // a new activity on the cached day
    await addActivities(org.id, org.member.id, [{ type: "URL", name: "www.youtube.com", start: `${DAY}T11:00:00Z`, seconds: 900 }]);
    expect(await summary(org)).toMatchObject({ productiveWorkedTimeInSeconds: 3600, unproductiveWorkedTimeInSeconds: 900 });
    // a changed activity
    await d.update(activities).set({ duration: 300 }).where(and(eq(activities.organizationId, org.id), eq(activities.name, "www.youtube.com")));
    expect(await summary(org)).toMatchObject({ unproductiveWorkedTimeInSeconds: 300 });
    // a new entry, a changed one, a deleted one
    await addEntries(org.id, org.member.id, [{ start: `${DAY}T13:00:00Z`, stop: `${DAY}T14:00:00Z`, type: "IDLE" }]);
    await summary(org);
    await d.update(timeEntries).set({ stoppedAt: new Date(`${DAY}T11:30:00Z`) }).where(and(eq(timeEntries.organizationId, org.id), eq(timeEntries.logType, "TRACKED")));
    expect(await summary(org)).toMatchObject({ activeWorkedTimeInSeconds: 9000 });
    await d.delete(timeEntries).where(and(eq(timeEntries.organizationId, org.id), eq(timeEntries.logType, "TRACKED")));
    expect(await summary(org)).toMatchObject({ activeWorkedTimeInSeconds: 0, productiveWorkedTimeInSeconds: 0 });
  });

  it("computes again when a rule or a team membership changes", async () => {
    const org = await seeded();
    expect(await summary(org)).toMatchObject({ productiveWorkedTimeInSeconds: 3600 });
    const created = await call(rules.POST, "POST", "/v1/productivity-rules", { token: org.admin.token, body: { matchType: "APP", pattern: "slack", classification: "PRODUCTIVE" } });
    expect(created.status).toBe(201);
    expect(await summary(org)).toMatchObject({ productiveWorkedTimeInSeconds: 4200 });
    // a team override for the member's team, then the member leaves the team
    await addRules(org.id, [{ matchType: "APP", pattern: "slack", classification: "UNPRODUCTIVE", teamId: org.teamId }]);
    expect(await summary(org)).toMatchObject({ productiveWorkedTimeInSeconds: 3600, unproductiveWorkedTimeInSeconds: 600 });
    await (await db()).delete(teamMembers).where(and(eq(teamMembers.organizationId, org.id), eq(teamMembers.userId, org.member.id)));
    expect(await summary(org)).toMatchObject({ productiveWorkedTimeInSeconds: 4200, unproductiveWorkedTimeInSeconds: 0 });
  });

  it("never caches today, a partial day or a day with a running entry", async () => {
    const org = await makeOrg();
    await addEntries(org.id, org.member.id, [{ start: "2026-03-03T02:00:00Z", stop: null }]);
    setClock(() => new Date("2026-03-04T10:00:00Z"));
    const week = await call(weeklySummary, "POST", "/v1/dashboard/weekly-summary", { token: org.admin.token, body: { ...body(org), startDate: "2026-03-02 00:00:00" } });
    expect(week.body.data.overallSummary.totalTimeSpendSeconds).toBe(22 * 3600 + 10 * 3600);
    // Monday (before the entry started) is the only whole past day without a running entry
    expect(await cachedDays(org)).toEqual(["UTC 2026-03-02"]);
    setClock(() => new Date("2026-03-06T00:00:00Z"));
    await (await db()).update(timeEntries).set({ stoppedAt: new Date("2026-03-03T06:00:00Z") }).where(eq(timeEntries.organizationId, org.id));
    const after = await call(weeklySummary, "POST", "/v1/dashboard/weekly-summary", { token: org.admin.token, body: { ...body(org), startDate: "2026-03-02 00:00:00" } });
    expect(after.body.data.overallSummary.totalTimeSpendSeconds).toBe(4 * 3600);
    expect(await cachedDays(org)).toEqual(["UTC 2026-03-02", "UTC 2026-03-03", "UTC 2026-03-04", "UTC 2026-03-05"]);
    // a range that starts mid-day leaves that day out of the cache
    const org2 = await seeded();
    await call(productivityAnalysis, "POST", "/v1/dashboard/productivity-analysis", { token: org2.admin.token, body: { ...body(org2), startDate: `${DAY} 10:00:00` } });
    expect(await cachedDays(org2)).toEqual([]);
  });
});
