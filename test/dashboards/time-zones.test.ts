import { afterEach, describe, expect, it } from "vitest";
import { POST as productivityAnalysis } from "@/app/v1/dashboard/productivity-analysis/route";
import { POST as weeklySummary } from "@/app/v1/dashboard/weekly-summary/route";
import { POST as proofOfWork } from "@/app/v1/proof-of-work/timesheet/route";
import { setClock } from "@/base/clock";
import { testDbKind } from "../db";
import { call, makeOrg } from "../helpers";
import { addActivities, addEntries } from "./fixtures";

afterEach(() => setClock(null));

const totals = (rows: Array<{ day: string; metrics: { totalTimeSpendSeconds: number } }>) =>
  Object.fromEntries(rows.map((r) => [r.day, r.metrics.totalTimeSpendSeconds]));

describe(`dashboards in time zones (${testDbKind()})`, () => {
  it("splits an entry crossing local midnight between the two days (Europe/Berlin)", async () => {
    const org = await makeOrg();
    // 22:00 → 02:00 CET, Tuesday into Wednesday
    await addEntries(org.id, org.member.id, [{ start: "2026-01-13T21:00:00Z", stop: "2026-01-14T01:00:00Z" }]);
    const res = await call(weeklySummary, "POST", "/v1/dashboard/weekly-summary", {
      token: org.member.token,
      body: { startDate: "2026-01-14 00:00:00", endDate: "2026-01-14 23:59:59", timeZone: "Europe/Berlin", userId: [org.member.id] },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.breakdownSummary[0].date).toBe("2026-01-12T00:00:00.000Z");
    expect(totals(res.body.data.breakdownSummary)).toEqual({ Monday: 0, Tuesday: 7200, Wednesday: 7200, Thursday: 0, Friday: 0, Saturday: 0, Sunday: 0 });
    // the same entry seen from UTC falls on one day
    const utc = await call(weeklySummary, "POST", "/v1/dashboard/weekly-summary", {
      token: org.member.token,
      body: { startDate: "2026-01-14 00:00:00", endDate: "2026-01-14 23:59:59", timeZone: "UTC", userId: [org.member.id] },
    });
    expect(totals(utc.body.data.breakdownSummary).Tuesday).toBe(10800);
    expect(totals(utc.body.data.breakdownSummary).Wednesday).toBe(3600);
    const pow = await call(proofOfWork, "POST", "/v1/proof-of-work/timesheet", {
      token: org.member.token,
      body: { startDate: "2026-01-13 00:00:00", endDate: "2026-01-14 23:59:59", timeZone: "Europe/Berlin", userId: [org.member.id] },
    });
    const days = pow.body.response.usersList[0].dailySummary;
    expect(days.map((d: { day: string; inTime: string; outTime: string }) => [d.day, d.inTime, d.outTime])).toEqual([
      ["Tuesday", "2026-01-13T21:00:00.000Z", "2026-01-13T23:00:00.000Z"],
      ["Wednesday", "2026-01-13T23:00:00.000Z", "2026-01-14T01:00:00.000Z"],
    ]);
    expect(pow.body.response.usersList[0].session).toEqual({ avgCheckInTime: "11:00:00", avgCheckOutTime: "13:00:00" });
  });

  it("gives the spring-forward Sunday 23 hours and the fall-back Sunday 25 (America/New_York)", async () => {
    const org = await makeOrg();
    await addEntries(org.id, org.member.id, [
      // Sunday 2026-03-08, local midnight to midnight: 05:00Z → 04:00Z next day
      { start: "2026-03-08T05:00:00Z", stop: "2026-03-08T15:00:00Z" },
      { start: "2026-03-08T15:00:00Z", stop: "2026-03-09T04:00:00Z", type: "IDLE" },
      // Saturday before: 2 hours either side of nothing special
      { start: "2026-03-07T14:00:00Z", stop: "2026-03-07T16:00:00Z" },
      // Sunday 2026-11-01: 04:00Z → 05:00Z next day
      { start: "2026-11-01T04:00:00Z", stop: "2026-11-01T16:00:00Z" },
      { start: "2026-11-01T16:00:00Z", stop: "2026-11-02T05:00:00Z" },
    ]);
    await addActivities(org.id, org.member.id, [{ type: "APP", name: "Code", start: "2026-03-08T06:00:00Z", seconds: 600 }]);
    const spring = await call(weeklySummary, "POST", "/v1/dashboard/weekly-summary", {
      token: org.member.token,
      body: { startDate: "2026-03-05 10:00:00", endDate: "2026-03-06 10:00:00", timeZone: "America/New_York", userId: [org.member.id] },
    });
    expect(spring.status).toBe(200);
    const sunday = spring.body.data.breakdownSummary[6];
    expect(sunday).toEqual({
      date: "2026-03-08T00:00:00.000Z",
      day: "Sunday",
      metrics: { totalTimeSpendSeconds: 82800, activeTimeSpendSeconds: 36000, idleTimeSpendSeconds: 46800, productiveTimeSpendSeconds: 0, neutralTimeSpendSeconds: 36000, unproductiveTimeSpendSeconds: 0 },
    });
    expect(spring.body.data.overallSummary.totalTimeSpendSeconds).toBe(82800 + 7200);

    const fall = await call(weeklySummary, "POST", "/v1/dashboard/weekly-summary", {
      token: org.member.token,
      body: { startDate: "2026-11-01 00:00:00", endDate: "2026-11-01 23:59:59", timeZone: "America/New_York", userId: [org.member.id] },
    });
    expect(fall.body.data.breakdownSummary.map((r: { date: string }) => r.date)[0]).toBe("2026-10-26T00:00:00.000Z");
    expect(totals(fall.body.data.breakdownSummary)).toEqual({ Monday: 0, Tuesday: 0, Wednesday: 0, Thursday: 0, Friday: 0, Saturday: 0, Sunday: 90000 });

    // clock times are local wall-clock times: Sunday ends at 24:00 although only 23 hours passed,
    // so check-outs average (11:00 + 24:00) / 2 = 17:30, not (11:00 + 23:00) / 2
    const pow = await call(proofOfWork, "POST", "/v1/proof-of-work/timesheet", {
      token: org.member.token,
      body: { startDate: "2026-03-07 00:00:00", endDate: "2026-03-08 23:59:59", timeZone: "America/New_York", userId: [org.member.id] },
    });
    expect(pow.body.response.usersList[0].session).toEqual({ avgCheckInTime: "04:30:00", avgCheckOutTime: "17:30:00" });
  });

  it("answers for every week the range touches", async () => {
    const org = await makeOrg();
    const res = await call(weeklySummary, "POST", "/v1/dashboard/weekly-summary", {
      token: org.member.token,
      body: { startDate: "2026-02-08 12:00:00", endDate: "2026-02-09 08:00:00", timeZone: "Asia/Kolkata", userId: [org.member.id] },
    });
    const rows = res.body.data.breakdownSummary;
    expect(rows).toHaveLength(14);
    expect([rows[0].date, rows[13].date]).toEqual(["2026-02-02T00:00:00.000Z", "2026-02-15T00:00:00.000Z"]);
  });

  it("counts a running entry up to now, and only the part of an entry inside the range", async () => {
    const org = await makeOrg();
    setClock(() => new Date("2026-03-02T10:30:00Z"));
    await addEntries(org.id, org.member.id, [
      { start: "2026-03-02T06:00:00Z", stop: "2026-03-02T08:00:00Z" },
      { start: "2026-03-02T09:00:00Z", stop: null },
    ]);
    const res = await call(productivityAnalysis, "POST", "/v1/dashboard/productivity-analysis", {
      token: org.member.token,
      body: { startDate: "2026-03-02 07:00:00", endDate: "2026-03-02 23:59:59", timeZone: "UTC", userId: [org.member.id] },
    });
    expect(res.body.data[0].timeSummary.activeWorkedTimeInSeconds).toBe(3600 + 5400);
  });
});
