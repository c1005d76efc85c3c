import { describe, expect, it } from "vitest";
import { testDbKind } from "../db";
import { makeOrg } from "../helpers";
import { addProject, addTask, api, fixClock, logTime, resetClockAfterEach } from "./fixtures";

// The refusals of the /api/timesheet endpoints the feature tests leave out: a bad query
// names its field (422), another organisation's ids look missing (404), and nothing is
// written on the way.

resetClockAfterEach();
const NOW = "2026-03-06T12:00:00Z";

describe(`/api/timesheet refusals (${testDbKind()})`, () => {
  it.each([
    ["GET /api/timesheet", (t: string) => api.listSheets(t, { status: "DONE" }), "query.status"],
    ["GET /api/timesheet/activity", (t: string) => api.activities(t, { type: "FILE" }), "query.type"],
    ["GET /api/timesheet/activity", (t: string) => api.activities(t, { groupBy: "title" }), "query.groupBy"],
    ["GET /api/timesheet/time-slot", (t: string) => api.slots(t, { startDate: "tomorrow" }), "query.startDate"],
    ["GET /api/timesheet/statistics/counts", (t: string) => api.counts(t, { timeZone: "Mars/Olympus" }), "query.timeZone"],
    ["GET /api/timesheet/statistics/counts", (t: string) => api.counts(t, { startDate: "2026-03-05", endDate: "2026-03-04" }), "query.endDate"],
    ["GET /api/timesheet/timer/status", (t: string) => api.status(t, { timeZone: "Nowhere/Special" }), "query.timeZone"],
  ])("%s refuses a bad query naming %#", async (_label, request, field) => {
    fixClock(NOW);
    const org = await makeOrg();
    const res = await request(org.member.token);
    expect(res.status).toBe(422);
    expect(res.body.error).toBe("validation_failed");
    expect(res.body.message.startsWith(`${field}:`), res.body.message).toBe(true);
  });

  it("answers 404 for an employeeId of another organisation on every scoped read", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const other = await makeOrg();
    const query = { employeeId: other.member.id };
    for (const res of [
      await api.listSheets(org.admin.token, query),
      await api.activities(org.admin.token, query),
      await api.slots(org.admin.token, query),
      await api.counts(org.admin.token, query),
      await api.chart(org.admin.token, query),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error).toBe("not_found");
    }
  });

  it("answers 404 when a write names another organisation, and writes nothing", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const other = await makeOrg();
    const organizationId = other.id;
    const started = await api.start(org.member.token);
    expect(started.status).toBe(201);

    const refused = [
      await api.stop(org.member.token, { organizationId }),
      await api.toggle(org.member.token, { organizationId }),
      await api.postSlot(org.member.token, { organizationId, startedAt: "2026-03-02T09:00:00Z", keyboard: 1, mouse: 1, overall: 1 }),
      await api.bulk(org.member.token, { organizationId, activities: [{ type: "APP", name: "x", startedAt: "2026-03-02T09:00:00Z", duration: 5 }] }),
      await api.submit(org.member.token, [started.body.timesheetId], { organizationId }),
    ];
    for (const res of refused) {
      expect(res.status, JSON.stringify(res.body)).toBe(404);
      expect(res.body.message).toMatch(/Organization/);
    }
    expect((await api.status(org.member.token)).body).toMatchObject({ running: true, log: { id: started.body.id } });
    expect((await api.slots(org.member.token)).body.total).toBe(0);
    expect((await api.activities(org.member.token)).body.total).toBe(0);
  });

  it("refuses a daily chart of another organisation's project (404)", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const other = await makeOrg();
    const foreign = await addProject(other.id, other.admin.id, "Theirs");
    const res = await api.chart(org.member.token, { projectId: foreign.id });
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/Project/);
  });

  it.each([
    ["a null stoppedAt (no restarting a stopped log)", () => ({ stoppedAt: null }), 422, /^body\.stoppedAt:/],
    ["an unknown logType", () => ({ logType: "WORK" }), 422, /^body\.logType:/],
    ["a stop before the start", () => ({ stoppedAt: "2026-03-02T08:00:00Z" }), 422, /^body\.stoppedAt: must be after startedAt/],
    ["a task of another project", (ids: Ids) => ({ projectId: ids.project2, taskId: ids.task }), 422, /^body\.taskId: the task does not belong to the given project/],
    ["another organisation's project", (ids: Ids) => ({ projectId: ids.foreign }), 404, /Project/],
  ])("refuses an update with %s and keeps the log", async (_name, patch, status, message) => {
    fixClock(NOW);
    const org = await makeOrg();
    const other = await makeOrg();
    const p1 = await addProject(org.id, org.admin.id, "One");
    const p2 = await addProject(org.id, org.admin.id, "Two");
    const task = await addTask(org.id, org.admin.id, p1.id, "Task");
    const foreign = await addProject(other.id, other.admin.id, "Theirs");
    const log = await logTime(org.member.token, "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", { projectId: p1.id });
    const res = await api.updateLog(org.member.token, log.id, patch({ project2: p2.id, task: task.id, foreign: foreign.id }));
    expect(res.status).toBe(status);
    expect(res.body.message).toMatch(message);
    expect((await api.getLog(org.member.token, log.id)).body).toMatchObject({ stoppedAt: "2026-03-02T10:00:00.000Z", projectId: p1.id, taskId: null, logType: "MANUAL" });
  });
});

type Ids = { project2: string; task: string; foreign: string };
