import { describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { timeEntries } from "@/db/schema";
import { setClock } from "@/base/clock";
import { testDbKind } from "../db";
import { addUser, db, makeOrg } from "../helpers";
import { addProject, api, fixClock, logTime, resetClockAfterEach } from "./fixtures";

resetClockAfterEach();

async function runningCount(orgId: string, userId: string): Promise<number> {
  const rows = await (await db())
    .select({ id: timeEntries.id })
    .from(timeEntries)
    .where(and(eq(timeEntries.organizationId, orgId), eq(timeEntries.userId, userId), isNull(timeEntries.stoppedAt)));
  return rows.length;
}

describe(`/api/timesheet/timer (${testDbKind()})`, () => {
  it("starts, reports, refuses a second start, stops and refuses a second stop", async () => {
    fixClock("2026-03-04T09:00:00Z");
    const org = await makeOrg();
    const project = await addProject(org.id, org.admin.id, "Web");
    const started = await api.start(org.member.token, { projectId: project.id, organizationId: org.id, description: "Working on feature" });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      startedAt: "2026-03-04T09:00:00.000Z",
      stoppedAt: null,
      isRunning: true,
      duration: 0,
      logType: "TRACKED",
      source: "WEB_TIMER",
      projectId: project.id,
      description: "Working on feature",
      employeeId: org.member.id,
    });

    fixClock("2026-03-04T09:30:00Z");
    const again = await api.start(org.member.token, {});
    expect(again.status).toBe(409);
    expect(again.body.error).toBe("timer_already_running");
    expect(again.body.details.runningEntryId).toBe(started.body.id);

    const status = await api.status(org.member.token);
    expect(status.body).toMatchObject({ running: true, duration: 1800, todayDuration: 1800, log: { id: started.body.id, duration: 1800 } });

    fixClock("2026-03-04T10:15:00Z");
    const stopped = await api.stop(org.member.token, { organizationId: org.id });
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ id: started.body.id, stoppedAt: "2026-03-04T10:15:00.000Z", duration: 4500, isRunning: false });

    const stopAgain = await api.stop(org.member.token);
    expect(stopAgain.status).toBe(409);
    expect(stopAgain.body.error).toBe("timer_not_running");
    expect((await api.status(org.member.token)).body).toMatchObject({ running: false, log: null, duration: 0, todayDuration: 4500 });
    // the timer's log is an ordinary time log
    expect((await api.listLogs(org.member.token)).body.items[0]).toMatchObject({ id: started.body.id, duration: 4500 });
  });

  it("toggles: starts when idle, stops when running", async () => {
    fixClock("2026-03-04T09:00:00Z");
    const org = await makeOrg();
    const on = await api.toggle(org.member.token, { organizationId: org.id });
    expect(on.status).toBe(200);
    expect(on.body.isRunning).toBe(true);
    fixClock("2026-03-04T09:10:00Z");
    const off = await api.toggle(org.member.token);
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ id: on.body.id, isRunning: false, duration: 600 });
    expect(await runningCount(org.id, org.member.id)).toBe(0);
  });

  it("ends concurrent starts with exactly one running log", async () => {
    fixClock("2026-03-04T09:00:00Z");
    const org = await makeOrg();
    const results = await Promise.all([1, 2, 3, 4].map(() => api.start(org.member.token, {})));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error).toBe("timer_already_running");
    expect(await runningCount(org.id, org.member.id)).toBe(1);
  });

  it("runs concurrent toggles one after the other", async () => {
    const org = await makeOrg();
    // a clock that moves, so the second toggle stops a timer that ran for a measurable time
    const t0 = Date.now();
    setClock(() => new Date(Date.parse("2026-03-04T09:00:00Z") + (Date.now() - t0) * 1000));
    const [a, b] = await Promise.all([api.toggle(org.member.token), api.toggle(org.member.token)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.isRunning, b.body.isRunning].sort()).toEqual([false, true]);
    expect(await runningCount(org.id, org.member.id)).toBe(0);
  });

  it("counts today's total in the caller's zone, the running log up to now", async () => {
    fixClock("2026-03-06T15:00:00Z"); // 10:00 in New York
    const org = await makeOrg();
    const ny = await addUser(org.id, { timeZone: "America/New_York" });
    // 23:00 on the 5th to 01:00 on the 6th in New York: one hour of it is today there
    await logTime(ny.token, "2026-03-06T04:00:00Z", "2026-03-06T06:00:00Z");
    fixClock("2026-03-06T14:00:00Z");
    await api.start(ny.token);
    fixClock("2026-03-06T15:00:00Z");
    expect((await api.status(ny.token)).body).toMatchObject({ running: true, duration: 3600, todayDuration: 7200, date: "2026-03-06", timeZone: "America/New_York" });
    expect((await api.status(ny.token, { timeZone: "UTC" })).body.todayDuration).toBe(10800);
  });

  it.each([
    ["a project of another organisation", "project", 404, "not_found"],
    ["another organizationId", "org", 404, "not_found"],
    ["a malformed taskId", "task", 422, "validation_failed"],
  ])("refuses to start with %s", async (_name, what, status, code) => {
    fixClock("2026-03-04T09:00:00Z");
    const org = await makeOrg();
    const other = await makeOrg();
    const foreign = await addProject(other.id, other.admin.id, "Theirs");
    const body = what === "project" ? { projectId: foreign.id } : what === "org" ? { organizationId: other.id } : { taskId: "t1" };
    const res = await api.start(org.member.token, body);
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(code);
    expect(await runningCount(org.id, org.member.id)).toBe(0);
  });

  it("refuses to start in a submitted week (423)", async () => {
    fixClock("2026-03-04T09:00:00Z");
    const org = await makeOrg();
    const log = await logTime(org.member.token, "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z");
    expect((await api.submit(org.member.token, [log.timesheetId])).status).toBe(200);
    const res = await api.start(org.member.token);
    expect(res.status).toBe(423);
    expect(res.body.error).toBe("timesheet_locked");
  });
});
