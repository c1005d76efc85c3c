import { describe, expect, it } from "vitest";
import { GET as listLogs, POST as createLog } from "@/app/api/timesheet/time-log/route";
import { GET as listSheets } from "@/app/api/timesheet/route";
import { GET as counts } from "@/app/api/timesheet/statistics/counts/route";
import { GET as dailyChart } from "@/app/api/timesheet/time-log/report/daily-chart/route";
import { GET as timerStatus } from "@/app/api/timesheet/timer/status/route";
import { GET as listShots } from "@/app/api/timesheet/screenshot/route";
import { GET as userReport } from "@/app/v1/reports/users/[userId]/route";
import { POST as createTrack } from "@/app/v1/tasks/[taskId]/tracks/route";
import { POST as createTask } from "@/app/v1/tasks/route";
import { PUT as updateUser } from "@/app/v1/users/[userId]/route";
import { PUT as updateOrg } from "@/app/v1/orgs/[orgId]/route";
import { PUT as updateSettings } from "@/app/v1/orgs/[orgId]/settings/route";
import { POST as passwordReset } from "@/app/v1/users/[userId]/password-reset/route";
import { POST as productivityAnalysis } from "@/app/v1/dashboard/productivity-analysis/route";
import { POST as weeklySummary } from "@/app/v1/dashboard/weekly-summary/route";
import { POST as proofOfWork } from "@/app/v1/proof-of-work/timesheet/route";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { MAX_INSTANT, MIN_INSTANT } from "@/lib/time/instants";
import { testDbKind } from "../db";
import { addActivities, addEntries } from "../dashboards/fixtures";
import { call, db, makeOrg, type CallResult } from "../helpers";

// Item 8 and 16 of issue 13: instants, dates and zones outside what the database and the
// domain read back are refused with 422 naming the field, in every family; item of issue 14:
// the dashboards read RFC 3339 instants as well as wall-clock times.

const messageOf = (r: CallResult) => String(r.body?.message ?? r.body?.error?.message ?? "");
function expect422(r: CallResult, field: string, what: string) {
  expect(r.status, `${what}: ${JSON.stringify(r.body)}`).toBe(422);
  expect(messageOf(r), what).toMatch(new RegExp(`^${field.replace(/\./g, "\\.")}: `));
}

const ODD_ZONES = ["AET", "CTT", "US/Pacific-New", "Mars/Olympus"];

describe(`instants and zones within range (${testDbKind()})`, () => {
  it("states the accepted range", () => {
    expect(MIN_INSTANT.toISOString()).toBe("1970-01-01T00:00:00.000Z");
    expect(MAX_INSTANT.toISOString()).toBe("2100-01-01T00:00:00.000Z");
  });

  it("a member's time log dated in year 25 is refused, and the admin's lists still answer", async () => {
    const org = await makeOrg();
    for (const [startedAt, stoppedAt] of [
      ["0025-01-01T09:00:00Z", "0025-01-01T10:00:00Z"],
      ["0013-03-01T09:00:00Z", "0013-03-01T10:00:00Z"],
      ["2100-01-01T09:00:00Z", "2100-01-01T10:00:00Z"],
      ["1969-12-31T22:00:00Z", "1969-12-31T23:00:00Z"],
    ] as const) {
      const res = await call(createLog, "POST", "/api/timesheet/time-log", { token: org.member.token, body: { startedAt, stoppedAt } });
      expect422(res, "body.startedAt", startedAt);
    }
    const plus = await call(createLog, "POST", "/api/timesheet/time-log", { token: org.member.token, body: { startedAt: "+010000-01-01T09:00:00Z", stoppedAt: "+010000-01-01T10:00:00Z" } });
    expect422(plus, "body.startedAt", "+010000");
    expect((await call(listLogs, "GET", "/api/timesheet/time-log", { token: org.admin.token })).status).toBe(200);
    expect((await call(listSheets, "GET", "/api/timesheet", { token: org.admin.token })).status).toBe(200);
  });

  it("/v1 tracks and the user report refuse Unix ms outside the range", async () => {
    const org = await makeOrg();
    const task = await call(createTask, "POST", "/v1/tasks", { token: org.member.token, body: { name: "t" } });
    expect(task.status).toBe(201);
    const track = (body: unknown) => call(createTrack, "POST", `/v1/tasks/${task.body.id}/tracks`, { token: org.member.token, params: { taskId: task.body.id }, body });
    expect422(await track({ start: -62_000_000_000_000, end: -61_999_999_000_000 }), "body.start", "year 5 in ms");
    expect422(await track({ start: 1_700_000_000_000, end: 8_640_000_000_000_000 }), "body.end", "the largest Date");
    expect422(await track({ start: 4_200_000_000_000, end: 4_200_000_600_000 }), "body.start", "year 2103");
    const report = (query: Record<string, string>) =>
      call(userReport, "GET", `/v1/reports/users/${org.member.id}`, { token: org.admin.token, params: { userId: org.member.id }, query });
    expect422(await report({ endDate: "8640000000000000" }), "query.endDate", "endDate=8640000000000000");
    expect422(await report({ startDate: "8639999999000000", endDate: "8640000000000000" }), "query.startDate", "both far");
    expect422(await report({ startDate: "-1" }), "query.startDate", "-1");
    // a start near the end of the range: the default end stops at the range's end
    const near = await report({ startDate: String(MAX_INSTANT.getTime() - 3_600_000) });
    expect(near.status, JSON.stringify(near.body)).toBe(200);
    expect(near.body.endDate).toBeLessThanOrEqual(MAX_INSTANT.getTime());
    expect((await report({ startDate: "1770000000000", endDate: "1770086400000" })).status).toBe(200);
  });

  it("expiresAt beyond 2100 is refused", async () => {
    const org = await makeOrg();
    const reset = (expiresAt: string) =>
      call(passwordReset, "POST", `/v1/users/${org.member.id}/password-reset`, { token: org.admin.token, params: { userId: org.member.id }, body: { expiresAt } });
    for (const at of ["2101-01-01T00:00:00Z", "+275760-09-13T00:00:00Z", "0025-01-01T00:00:00Z"]) expect422(await reset(at), "body.expiresAt", at);
  });

  it("timesheet ranges ending in year 10000 (or outside the range) are refused, not 500", async () => {
    const org = await makeOrg();
    const t = org.admin.token;
    for (const [handler, path] of [
      [counts, "/api/timesheet/statistics/counts"],
      [dailyChart, "/api/timesheet/time-log/report/daily-chart"],
      [listLogs, "/api/timesheet/time-log"],
      [listSheets, "/api/timesheet"],
      [listShots, "/api/timesheet/screenshot"],
    ] as const) {
      for (const endDate of ["9999-12-31", "10000-01-01", "9999-12-31T23:59:59Z", "2100-01-02", "+010000-01-01T00:00:00Z"]) {
        const res = await call(handler, "GET", path, { token: t, query: { startDate: "2026-01-01", endDate } });
        expect422(res, "query.endDate", `${path} endDate=${endDate}`);
      }
      const start = await call(handler, "GET", path, { token: t, query: { startDate: "0025-01-01", endDate: "2026-01-01" } });
      expect422(start, "query.startDate", `${path} startDate=0025`);
      expect((await call(handler, "GET", path, { token: t, query: { startDate: "2026-01-01", endDate: "2026-01-05" } })).status, path).toBe(200);
    }
  });

  it("zones the database does not know are refused on the profile, the org default and every timeZone parameter", async () => {
    const org = await makeOrg();
    const t = org.admin.token;
    for (const zone of ODD_ZONES) {
      expect422(await call(updateUser, "PUT", `/v1/users/${org.member.id}`, { token: org.member.token, params: { userId: org.member.id }, body: { timeZone: zone } }), "body.timeZone", `profile ${zone}`);
      expect422(await call(updateOrg, "PUT", `/v1/orgs/${org.id}`, { token: t, params: { orgId: org.id }, body: { defaultTimeZone: zone } }), "body.defaultTimeZone", `org ${zone}`);
      expect422(await call(updateSettings, "PUT", `/v1/orgs/${org.id}/settings`, { token: t, params: { orgId: org.id }, body: { defaultTimeZone: zone } }), "body.defaultTimeZone", `settings ${zone}`);
      for (const [handler, path] of [
        [counts, "/api/timesheet/statistics/counts"],
        [dailyChart, "/api/timesheet/time-log/report/daily-chart"],
        [timerStatus, "/api/timesheet/timer/status"],
        [listLogs, "/api/timesheet/time-log"],
      ] as const) {
        expect422(await call(handler, "GET", path, { token: t, query: { timeZone: zone } }), "query.timeZone", `${path} ${zone}`);
      }
      expect422(
        await call(listShots, "GET", "/api/timesheet/screenshot", { token: t, query: { startDate: "2026-01-01", endDate: "2026-01-02", timeZone: zone } }),
        "query.timeZone",
        `screenshots ${zone}`,
      );
      for (const [handler, path] of [
        [productivityAnalysis, "/v1/dashboard/productivity-analysis"],
        [weeklySummary, "/v1/dashboard/weekly-summary"],
        [proofOfWork, "/v1/proof-of-work/timesheet"],
      ] as const) {
        const res = await call(handler, "POST", path, { token: t, body: { startDate: "2026-02-08 00:00:00", endDate: "2026-02-08 23:59:59", timeZone: zone, userId: [org.member.id] } });
        expect422(res, "body.timeZone", `${path} ${zone}`);
        expect(res.body.error.code).toBe("REQUEST_VALIDATION_FAILED");
      }
    }
    // nothing changed
    const [member] = await (await db()).select({ tz: users.timeZone }).from(users).where(eq(users.id, org.member.id));
    expect(member!.tz).toBe("UTC");
    // and the zones everyone uses still pass
    const ok = await call(updateUser, "PUT", `/v1/users/${org.member.id}`, { token: org.member.token, params: { userId: org.member.id }, body: { timeZone: "America/Los_Angeles" } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it("a zone stored before this check does not break reads: the caller is read in UTC", async () => {
    const org = await makeOrg();
    await (await db()).update(users).set({ timeZone: "AET" }).where(eq(users.id, org.member.id));
    const res = await call(counts, "GET", "/api/timesheet/statistics/counts", { token: org.member.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const status = await call(timerStatus, "GET", "/api/timesheet/timer/status", { token: org.member.token });
    expect(status.status).toBe(200);
    expect(status.body.timeZone).toBe("UTC");
  });

  describe.each([
    ["productivity-analysis", productivityAnalysis, "/v1/dashboard/productivity-analysis"],
    ["weekly-summary", weeklySummary, "/v1/dashboard/weekly-summary"],
    ["proof-of-work", proofOfWork, "/v1/proof-of-work/timesheet"],
  ] as const)("dashboard %s", (_name, handler, path) => {
    it("refuses wall-clock times and instants outside the range, in its envelope", async () => {
      const org = await makeOrg();
      for (const [startDate, endDate, field] of [
        ["9999-12-31 00:00:00", "9999-12-31 23:59:59", "body.startDate"],
        ["2099-12-31 00:00:00", "9999-12-31 23:59:59", "body.endDate"],
        ["0025-01-01 00:00:00", "0025-01-01 23:59:59", "body.startDate"],
        ["2026-02-08T00:00:00Z", "10000-01-01T00:00:00Z", "body.endDate"],
        ["1969-12-31T00:00:00Z", "1969-12-31T23:59:59Z", "body.startDate"],
      ] as const) {
        const res = await call(handler, "POST", path, { token: org.admin.token, body: { startDate, endDate, timeZone: "UTC", userId: [org.member.id] } });
        expect422(res, field, `${startDate}..${endDate}`);
        expect(res.body.statusCode).toBe(422);
        expect(res.body.error.code).toBe("REQUEST_VALIDATION_FAILED");
      }
    });

    it("reads RFC 3339 instants as the same range as the wall-clock form", async () => {
      const org = await makeOrg();
      const base = { userId: [org.member.id], timeZone: "Asia/Kolkata" };
      // entries across both ends of the Kolkata day (18:30Z .. 18:30Z), so another reading of the range shows
      await addEntries(org.id, org.member.id, [
        { start: "2026-02-07T18:00:00Z", stop: "2026-02-07T20:00:00Z" },
        { start: "2026-02-08T06:00:00Z", stop: "2026-02-08T07:00:00Z" },
        { start: "2026-02-08T18:00:00Z", stop: "2026-02-08T19:00:00Z" },
      ]);
      await addActivities(org.id, org.member.id, [{ type: "APP", name: "Editor", start: "2026-02-08T06:00:00Z", seconds: 1800 }]);
      const utcDay = await call(handler, "POST", path, { token: org.admin.token, body: { ...base, startDate: "2026-02-08T00:00:00Z", endDate: "2026-02-08T23:59:59Z" } });
      const wall = await call(handler, "POST", path, { token: org.admin.token, body: { ...base, startDate: "2026-02-08 00:00:00", endDate: "2026-02-08 23:59:59" } });
      expect(wall.status, JSON.stringify(wall.body)).toBe(200);
      expect(utcDay.status).toBe(200);
      expect(utcDay.body, "a UTC day is another range than the Kolkata day").not.toEqual(wall.body);
      for (const [startDate, endDate] of [
        ["2026-02-07T18:30:00Z", "2026-02-08T18:29:59Z"],
        ["2026-02-08T00:00:00+05:30", "2026-02-08T23:59:59+05:30"],
        ["2026-02-08T00:00:00.000+05:30", "2026-02-08T23:59:59.000+05:30"],
        ["2026-02-07T18:30:00.000Z", "2026-02-08 23:59:59"],
      ]) {
        const res = await call(handler, "POST", path, { token: org.admin.token, body: { ...base, startDate, endDate } });
        expect(res.status, `${startDate}..${endDate}: ${JSON.stringify(res.body)}`).toBe(200);
        expect(res.body, `${startDate}..${endDate}`).toEqual(wall.body);
      }
    });
  });
});
