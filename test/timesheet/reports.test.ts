import { describe, expect, it } from "vitest";
import { setClock } from "@/base/clock";
import { testDbKind } from "../db";
import { addUser, makeOrg } from "../helpers";
import { addProject, addTask, api, fixClock, logTime, resetClockAfterEach } from "./fixtures";

resetClockAfterEach();

type Day = { day: string; date: string; duration: number; groups: { id: string | null; name: string; duration: number }[] };
const sum = (items: Day[]) => items.reduce((s, d) => s + d.duration, 0);

describe(`/api/timesheet/statistics/counts (${testDbKind()})`, () => {
  it("answers the week's and today's time and average activity, checked by hand", async () => {
    fixClock("2026-03-04T09:00:00Z");
    const org = await makeOrg();
    await logTime(org.member.token, "2026-03-02T09:00:00Z", "2026-03-02T11:00:00Z"); // Monday, 7200
    await logTime(org.member.token, "2026-03-04T07:00:00Z", "2026-03-04T08:00:00Z"); // today, 3600
    await logTime(org.member.token, "2026-02-27T09:00:00Z", "2026-02-27T10:00:00Z"); // last week
    await logTime(org.manager.token, "2026-03-04T06:00:00Z", "2026-03-04T06:30:00Z"); // today, 1800
    await logTime(org.outsider.token, "2026-03-04T06:00:00Z", "2026-03-04T06:30:00Z"); // not the manager's
    for (const [startedAt, overall] of [
      ["2026-03-02T09:00:00Z", 300],
      ["2026-03-02T09:10:00Z", 600],
      ["2026-03-04T07:00:00Z", 150],
    ] as const) {
      await api.postSlot(org.member.token, { startedAt, keyboard: 0, mouse: 0, overall });
    }
    fixClock("2026-03-04T14:00:00Z");
    await api.start(org.member.token);
    await api.postSlot(org.member.token, { startedAt: "2026-03-04T14:00:00Z", keyboard: 0, mouse: 0, overall: 450 });
    fixClock("2026-03-04T15:00:00Z"); // the running timer has run 3600 s

    // week: 7200 + 3600 + 3600 (running); activity (300+600+150+450)/2400 = 62.5% → 63
    // today: 3600 + 3600; activity (150+450)/1200 = 50%
    const own = await api.counts(org.member.token);
    expect(own.status).toBe(200);
    expect(own.body).toEqual({ weeklyDuration: 14400, weeklyActivities: 63, todayDuration: 7200, todayActivities: 50 });

    // the manager sees their team (the member) and themselves, not the outsider
    expect((await api.counts(org.manager.token)).body).toEqual({ weeklyDuration: 16200, weeklyActivities: 63, todayDuration: 9000, todayActivities: 50 });
    expect((await api.counts(org.admin.token, { employeeId: org.member.id })).body).toEqual(own.body);
    expect((await api.counts(org.admin.token)).body.todayDuration).toBe(7200 + 1800 + 1800);

    // an explicit range: Monday only (7200; (300+600)/1200 = 75%)
    const monday = await api.counts(org.member.token, { startDate: "2026-03-02", endDate: "2026-03-02" });
    expect(monday.body).toMatchObject({ weeklyDuration: 7200, weeklyActivities: 75 });
    expect((await api.counts(org.member.token, { employeeId: org.outsider.id })).status).toBe(403);
  });

  it("counts today in the request's time zone", async () => {
    fixClock("2026-03-04T03:00:00Z"); // still 3 March in New York
    const org = await makeOrg();
    const ny = await addUser(org.id, { timeZone: "America/New_York" });
    await logTime(ny.token, "2026-03-03T23:00:00Z", "2026-03-04T00:00:00Z"); // 18:00–19:00 on the 3rd in New York
    expect((await api.counts(ny.token)).body.todayDuration).toBe(3600);
    expect((await api.counts(ny.token, { timeZone: "UTC" })).body.todayDuration).toBe(0); // the 4th in UTC; the log was on the 3rd
    expect((await api.counts(ny.token, { timeZone: "Asia/Tokyo" })).body.todayDuration).toBe(3600); // 08:00–09:00 on the 4th there
  });
});

describe(`/api/timesheet/time-log/report/daily-chart (${testDbKind()})`, () => {
  it("splits a log across midnight between both days and zero-fills the others", async () => {
    fixClock("2026-03-06T12:00:00Z");
    const org = await makeOrg();
    const p = await addProject(org.id, org.admin.id, "Apollo");
    const t = await addTask(org.id, org.admin.id, p.id, "Design");
    await logTime(org.member.token, "2026-03-02T22:00:00Z", "2026-03-03T02:00:00Z", { projectId: p.id, taskId: t.id });
    await logTime(org.member.token, "2026-03-03T10:00:00Z", "2026-03-03T11:00:00Z");

    const res = await api.chart(org.member.token, { startDate: "2026-03-02", endDate: "2026-03-04", groupBy: "project" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, groupBy: "project", timeZone: "UTC", startDate: "2026-03-02", endDate: "2026-03-04" });
    expect(res.body.items).toEqual([
      { date: "2026-03-02T00:00:00.000Z", day: "2026-03-02", duration: 7200, groups: [{ id: p.id, name: "Apollo", duration: 7200 }, { id: null, name: "No project", duration: 0 }] },
      { date: "2026-03-03T00:00:00.000Z", day: "2026-03-03", duration: 10800, groups: [{ id: p.id, name: "Apollo", duration: 7200 }, { id: null, name: "No project", duration: 3600 }] },
      { date: "2026-03-04T00:00:00.000Z", day: "2026-03-04", duration: 0, groups: [{ id: p.id, name: "Apollo", duration: 0 }, { id: null, name: "No project", duration: 0 }] },
    ]);

    const byTask = await api.chart(org.member.token, { startDate: "2026-03-02", endDate: "2026-03-03", groupBy: "task" });
    expect(byTask.body.items[0].groups).toEqual([{ id: t.id, name: "Design", duration: 7200 }, { id: null, name: "No task", duration: 0 }]);
    const byDate = await api.chart(org.member.token, { startDate: "2026-03-02", endDate: "2026-03-03", groupBy: "date" });
    expect(byDate.body.items.map((d: Day) => d.groups)).toEqual([[{ id: "2026-03-02", name: "2026-03-02", duration: 7200 }], [{ id: "2026-03-03", name: "2026-03-03", duration: 10800 }]]);

    // the same log lies wholly on 2 March in New York (17:00–21:00)
    const ny = await api.chart(org.member.token, { startDate: "2026-03-02", endDate: "2026-03-03", timeZone: "America/New_York", groupBy: "date" });
    expect(ny.body.items.map((d: Day) => d.duration)).toEqual([14400, 3600]);
  });

  it("groups by employee over what the caller may see", async () => {
    fixClock("2026-03-06T12:00:00Z");
    const org = await makeOrg();
    await logTime(org.member.token, "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z");
    await logTime(org.manager.token, "2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z");
    await logTime(org.outsider.token, "2026-03-02T09:00:00Z", "2026-03-02T12:00:00Z");
    const res = await api.chart(org.manager.token, { startDate: "2026-03-02", endDate: "2026-03-02", groupBy: "employee" });
    expect(res.body.items[0].groups.map((g: { id: string; duration: number }) => [g.id, g.duration])).toEqual([
      [org.member.id, 3600],
      [org.manager.id, 1800],
    ]);
    expect((await api.chart(org.member.token, { groupBy: "employee" })).body.items).toHaveLength(7); // this week, zero-filled
    expect((await api.chart(org.member.token, { employeeId: org.outsider.id })).status).toBe(403);
  });

  it("sums a 23-hour day (Europe/Berlin, 29 March 2026) correctly across the week", async () => {
    fixClock("2026-04-10T12:00:00Z");
    const org = await makeOrg();
    const berlin = await addUser(org.id, { timeZone: "Europe/Berlin" });
    // Saturday 22:00 to Sunday 06:00 local: 2 h on Saturday, 5 h on Sunday (02:00 is skipped)
    const night = await logTime(berlin.token, "2026-03-28T21:00:00Z", "2026-03-29T04:00:00Z");
    // Sunday 06:00 to Monday 00:00 local: 18 h
    const day = await logTime(berlin.token, "2026-03-29T04:00:00Z", "2026-03-29T22:00:00Z");
    expect(night.duration + day.duration).toBe(25 * 3600);

    const res = await api.chart(berlin.token, { startDate: "2026-03-23", endDate: "2026-03-29", groupBy: "date" });
    const items = res.body.items as Day[];
    expect(items.map((d) => d.day)).toEqual(["2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27", "2026-03-28", "2026-03-29"]);
    expect(items[5]!.duration).toBe(2 * 3600);
    expect(items[6]!.duration).toBe(23 * 3600); // the whole (short) day
    expect(sum(items)).toBe(25 * 3600);

    // the weekly sheet holds the same total
    const sheets = await api.listSheets(berlin.token, { startDate: "2026-03-23", endDate: "2026-03-29" });
    expect(sheets.body.items).toMatchObject([{ weekStart: "2026-03-23", duration: 25 * 3600 }]);
  });

  it("sums a 25-hour day (America/New_York, 1 November 2026) correctly", async () => {
    setClock(() => new Date("2026-11-20T12:00:00Z"));
    const org = await makeOrg();
    const ny = await addUser(org.id, { timeZone: "America/New_York" });
    await logTime(ny.token, "2026-11-01T04:00:00Z", "2026-11-01T17:00:00Z"); // 00:00–12:00 local: 13 h
    await logTime(ny.token, "2026-11-01T17:00:00Z", "2026-11-02T05:00:00Z"); // 12:00–24:00 local: 12 h
    const res = await api.chart(ny.token, { startDate: "2026-10-26", endDate: "2026-11-02", groupBy: "project" });
    const items = res.body.items as Day[];
    expect(items.map((d) => d.duration)).toEqual([0, 0, 0, 0, 0, 0, 25 * 3600, 0]);
    expect(items[6]!.groups).toEqual([{ id: null, name: "No project", duration: 25 * 3600 }]);
  });

  it.each([
    [{ groupBy: "week" }, "query.groupBy"],
    [{ startDate: "2026-03-05", endDate: "2026-03-04" }, "query.endDate"],
    [{ startDate: "2025-01-01", endDate: "2026-03-04" }, "query.endDate"],
    [{ timeZone: "Europe/Atlantis" }, "query.timeZone"],
    [{ startDate: "03/04/2026" }, "query.startDate"],
  ])("refuses chart query %j naming %s", async (query, field) => {
    fixClock("2026-03-06T12:00:00Z");
    const org = await makeOrg();
    const res = await api.chart(org.member.token, query);
    expect(res.status).toBe(422);
    expect(res.body.message.startsWith(`${field}:`)).toBe(true);
  });
});
