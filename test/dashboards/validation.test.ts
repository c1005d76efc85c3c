import { describe, expect, it } from "vitest";
import { POST as productivityAnalysis } from "@/app/v1/dashboard/productivity-analysis/route";
import { POST as weeklySummary } from "@/app/v1/dashboard/weekly-summary/route";
import { POST as proofOfWork } from "@/app/v1/proof-of-work/timesheet/route";
import { testDbKind } from "../db";
import { teams } from "@/db/schema";
import { addUser, call, db, makeOrg } from "../helpers";
import { nameUser } from "./fixtures";

const ok = { startDate: "2026-03-02 00:00:00", endDate: "2026-03-08 23:59:59", timeZone: "Europe/Berlin" };
// refused before any lookup, so any well-formed id will do
const someone = { userId: ["6f1c2b1e-8a7d-4a55-9b0e-3c1d2e3f4a5b"] };

// input → status → field named in the message
const cases: Array<[string, Record<string, unknown>, string, string]> = [
  ["both userId and teamId empty", { ...ok, userId: [], teamId: [] }, "body.userId", "either userId or teamId"],
  ["neither userId nor teamId sent", { ...ok }, "body.userId", "either userId or teamId"],
  ["a time zone that is not IANA", { ...ok, timeZone: "Mars/Olympus_Mons", ...someone }, "body.timeZone", "must be an IANA time zone"],
  ["no time zone", { startDate: ok.startDate, endDate: ok.endDate, ...someone }, "body.timeZone", ""],
  ["a date in another format", { ...ok, startDate: "2026/03/02 00:00:00", ...someone }, "body.startDate", "YYYY-MM-DD HH:mm:ss"],
  ["a date without time", { ...ok, endDate: "2026-03-08", ...someone }, "body.endDate", "YYYY-MM-DD HH:mm:ss"],
  ["a day that does not exist", { ...ok, startDate: "2026-02-30 00:00:00", ...someone }, "body.startDate", "YYYY-MM-DD HH:mm:ss"],
  ["an hour that does not exist", { ...ok, startDate: "2026-03-02 24:00:00", ...someone }, "body.startDate", "YYYY-MM-DD HH:mm:ss"],
  ["endDate before startDate", { ...ok, startDate: "2026-03-08 10:00:00", endDate: "2026-03-08 09:59:59", ...someone }, "body.endDate", "must not be before startDate"],
  ["a range over 31 days", { ...ok, startDate: "2026-01-01 00:00:00", endDate: "2026-02-01 00:00:00", ...someone }, "body.endDate", "at most 31 calendar days"],
  ["an id that is not a UUID", { ...ok, userId: ["abc"] }, "body.userId.0", "must be a UUID"],
  ["a team id that is not a UUID", { ...ok, teamId: [42] }, "body.teamId.0", ""],
];

const endpoints = [
  ["productivity-analysis", productivityAnalysis, "/v1/dashboard/productivity-analysis", "data"],
  ["weekly-summary", weeklySummary, "/v1/dashboard/weekly-summary", "data"],
  // issue 14: proof of work's errors use the dashboard family's error envelope (its successes keep `response`)
  ["proof-of-work", proofOfWork, "/v1/proof-of-work/timesheet", "data"],
] as const;

describe(`dashboard validation (${testDbKind()})`, () => {
  it.each(endpoints)("%s answers 422 naming the field, in its envelope", async (_name, handler, path, payload) => {
    const org = await makeOrg();
    for (const [label, body, field, text] of cases) {
      const res = await call(handler, "POST", path, { token: org.admin.token, body });
      expect(res.status, label).toBe(422);
      expect(res.body.statusCode, label).toBe(422);
      expect(res.body[payload], label).toBeNull();
      expect(res.body.error.code, label).toBe("REQUEST_VALIDATION_FAILED");
      expect(res.body.error.message, label).toMatch(new RegExp(`^${field.replace(/\./g, "\\.")}: `));
      expect(res.body.error.message, label).toContain(text);
      expect(res.body.statusMessage, label).toBe(res.body.error.message);
      expect(res.body.success, label).toBe(false);
    }
  });

  it("accepts exactly 31 calendar days and a one-second range", async () => {
    const org = await makeOrg();
    const full = await call(productivityAnalysis, "POST", "/v1/dashboard/productivity-analysis", {
      token: org.member.token,
      body: { ...ok, startDate: "2026-01-01 00:00:00", endDate: "2026-01-31 23:59:59", userId: [org.member.id] },
    });
    expect(full.status).toBe(200);
    const instant = await call(productivityAnalysis, "POST", "/v1/dashboard/productivity-analysis", {
      token: org.member.token,
      body: { ...ok, startDate: "2026-01-01 10:00:00", endDate: "2026-01-01 10:00:00", userId: [org.member.id] },
    });
    expect(instant.status).toBe(200);
  });

  it.each([
    [{ offset: 0 }, "body.offset"],
    [{ offset: -3 }, "body.offset"],
    [{ offset: 1.5 }, "body.offset"],
    [{ offset: "first" }, "body.offset"],
    [{ limit: 0 }, "body.limit"],
  ])("proof-of-work refuses paging %o", async (paging, field) => {
    const org = await makeOrg();
    const res = await call(proofOfWork, "POST", "/v1/proof-of-work/timesheet", { token: org.admin.token, body: { ...ok, userId: [org.member.id], ...paging } });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain(field);
  });
});

describe(`proof-of-work pagination (${testDbKind()})`, () => {
  it("pages users by name: full pages, the last page, an empty page past the end, and limit", async () => {
    const org = await makeOrg();
    const names = ["Zoe", "yann", "Xavier", "Wen", "Victor", "Uma", "Tariq", "Sofia", "Ravi", "Quinn", "Priya", "Omar"];
    const people: Array<{ id: string; name: string }> = [];
    for (const first of names) {
      const u = await addUser(org.id);
      await nameUser(org.id, u.id, first, "Test");
      people.push({ id: u.id, name: `${first} Test` });
    }
    const sorted = [...people].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
    const page = async (extra: Record<string, unknown>) => {
      const res = await call(proofOfWork, "POST", "/v1/proof-of-work/timesheet", {
        token: org.admin.token,
        body: { ...ok, userId: people.map((p) => p.id), ...extra },
      });
      expect(res.status).toBe(200);
      return res.body.response as { totalActiveUsers: number; usersList: Array<{ user: { name: string }; dailySummary: unknown[]; session: unknown }> };
    };
    const first = await page({});
    expect(first.totalActiveUsers).toBe(12);
    expect(first.usersList.map((u) => u.user.name)).toEqual(sorted.slice(0, 10).map((p) => p.name));
    expect(first.usersList[0]).toMatchObject({ dailySummary: [], session: { avgCheckInTime: null, avgCheckOutTime: null } });
    const last = await page({ offset: 2 });
    expect(last.usersList.map((u) => u.user.name)).toEqual(sorted.slice(10).map((p) => p.name));
    expect(last.totalActiveUsers).toBe(12);
    const past = await page({ offset: 3 });
    expect(past).toEqual({ totalActiveUsers: 12, usersList: [] });
    const small = await page({ offset: 3, limit: 5 });
    expect(small.usersList.map((u) => u.user.name)).toEqual(sorted.slice(10).map((p) => p.name));
    const capped = await page({ limit: 1000 });
    expect(capped.usersList).toHaveLength(12);
  });

  it("answers an empty team with an empty list", async () => {
    const org = await makeOrg();
    const [team] = await (await db()).insert(teams).values({ organizationId: org.id, name: "Empty" }).returning();
    const res = await call(proofOfWork, "POST", "/v1/proof-of-work/timesheet", { token: org.admin.token, body: { ...ok, teamId: [team!.id] } });
    expect(res.body.response).toEqual({ totalActiveUsers: 0, usersList: [] });
    const week = await call(weeklySummary, "POST", "/v1/dashboard/weekly-summary", { token: org.admin.token, body: { ...ok, teamId: [team!.id] } });
    expect(week.body.data.breakdownSummary).toHaveLength(7);
    expect(week.body.data.overallSummary.totalTimeSpendSeconds).toBe(0);
  });
});
