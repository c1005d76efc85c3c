import { describe, expect, it } from "vitest";
import { testDbKind } from "../db";
import { addUser, makeOrg } from "../helpers";
import { addProject, addTask, api, fixClock, logTime, resetClockAfterEach, setOverlapPolicy } from "./fixtures";

resetClockAfterEach();
const NOW = "2026-03-06T12:00:00.000Z";

describe(`/api/timesheet/time-log (${testDbKind()})`, () => {
  it("creates, reads, lists, updates and deletes a log with the seed's fields", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const project = await addProject(org.id, org.admin.id, "Website");
    const task = await addTask(org.id, org.admin.id, project.id, "Landing page");
    const created = await api.createLog(org.member.token, {
      startedAt: "2026-03-02T09:00:00.000Z",
      stoppedAt: "2026-03-02T17:00:00.000Z",
      logType: "MANUAL",
      source: "BROWSER",
      description: "Working on feature X",
      projectId: project.id,
      taskId: task.id,
      organizationId: org.id,
      isBillable: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      startedAt: "2026-03-02T09:00:00.000Z",
      stoppedAt: "2026-03-02T17:00:00.000Z",
      duration: 28800,
      logType: "MANUAL",
      source: "WEB_TIMER",
      description: "Working on feature X",
      employeeId: org.member.id,
      projectId: project.id,
      taskId: task.id,
      organizationId: org.id,
      isBillable: true,
      changedEntries: [],
    });
    const id = created.body.id as string;

    expect((await api.getLog(org.member.token, id)).body.duration).toBe(28800);
    const updated = await api.updateLog(org.member.token, id, { stoppedAt: "2026-03-02T18:00:00.000Z", description: "Updated description" });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ duration: 32400, description: "Updated description", changedEntries: [] });

    const list = await api.listLogs(org.member.token, { startDate: "2026-03-01", endDate: "2026-03-31" });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ id, duration: 32400 });

    const deleted = await api.deleteLog(org.member.token, id);
    expect(deleted.status).toBe(200);
    expect(deleted.body.id).toBe(id);
    expect((await api.getLog(org.member.token, id)).status).toBe(404);
  });

  it("lists newest first with filters, pagination and overlapping ranges in the caller's zone", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const berliner = await addUser(org.id, { timeZone: "Europe/Berlin" });
    const project = await addProject(org.id, org.admin.id, "P");
    // 22:30–23:30 UTC on 3 March is 23:30–00:30 in Berlin: it overlaps both 3 and 4 March there
    const a = await logTime(berliner.token, "2026-03-03T22:30:00Z", "2026-03-03T23:30:00Z");
    const b = await logTime(berliner.token, "2026-03-04T09:00:00Z", "2026-03-04T10:00:00Z", { projectId: project.id, logType: "TRACKED", source: "DESKTOP" });
    const c = await logTime(berliner.token, "2026-03-05T09:00:00Z", "2026-03-05T10:00:00Z");

    const all = await api.listLogs(berliner.token);
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual([c.id, b.id, a.id]);
    expect(all.body.total).toBe(3);

    const page2 = await api.listLogs(berliner.token, { page: 2, limit: 2 });
    expect(page2.body).toMatchObject({ total: 3, items: [{ id: a.id }] });

    const march4 = await api.listLogs(berliner.token, { startDate: "2026-03-04", endDate: "2026-03-04" });
    expect(march4.body.items.map((i: { id: string }) => i.id)).toEqual([b.id, a.id]);
    const march4Utc = await api.listLogs(berliner.token, { startDate: "2026-03-04", endDate: "2026-03-04", timeZone: "UTC" });
    expect(march4Utc.body.items.map((i: { id: string }) => i.id)).toEqual([b.id]);
    const instants = await api.listLogs(berliner.token, { startDate: "2026-03-03T23:00:00Z", endDate: "2026-03-04T09:00:00Z" });
    expect(instants.body.items.map((i: { id: string }) => i.id)).toEqual([a.id]);

    for (const [query, ids] of [
      [{ projectId: project.id }, [b.id]],
      [{ logType: "TRACKED" }, [b.id]],
      [{ source: "DESKTOP" }, [b.id]],
      [{ source: "BROWSER" }, [c.id, a.id]],
    ] as const) {
      const res = await api.listLogs(berliner.token, query);
      expect(res.body.items.map((i: { id: string }) => i.id), JSON.stringify(query)).toEqual(ids);
    }
    expect((await api.listLogs(berliner.token, { limit: 500 })).status).toBe(200);
  });

  it.each([
    ["stop before start", { startedAt: "2026-03-02T10:00:00Z", stoppedAt: "2026-03-02T09:00:00Z" }, 422, "validation_failed", /^body\.stoppedAt: must be after startedAt/],
    ["equal times", { startedAt: "2026-03-02T10:00:00Z", stoppedAt: "2026-03-02T10:00:00Z" }, 422, "validation_failed", /^body\.stoppedAt: must be after startedAt/],
    ["over 24 hours", { startedAt: "2026-03-02T00:00:00Z", stoppedAt: "2026-03-03T00:00:01Z" }, 422, "validation_failed", /^body\.stoppedAt: an entry may last at most 24 hours/],
    ["start in the future", { startedAt: "2026-03-07T09:00:00Z", stoppedAt: "2026-03-07T10:00:00Z" }, 422, "validation_failed", /^body\.startedAt: must not be in the future/],
    ["stop in the future", { startedAt: "2026-03-06T11:00:00Z", stoppedAt: "2026-03-06T13:00:00Z" }, 422, "validation_failed", /^body\.stoppedAt: must not be in the future/],
    ["missing startedAt", { stoppedAt: "2026-03-02T10:00:00Z" }, 422, "validation_failed", /^body\.startedAt:/],
    ["date without zone", { startedAt: "2026-03-02T09:00:00", stoppedAt: "2026-03-02T10:00:00Z" }, 422, "validation_failed", /^body\.startedAt:/],
    ["unknown logType", { startedAt: "2026-03-02T09:00:00Z", stoppedAt: "2026-03-02T10:00:00Z", logType: "WORK" }, 422, "validation_failed", /^body\.logType:/],
    ["unknown source", { startedAt: "2026-03-02T09:00:00Z", stoppedAt: "2026-03-02T10:00:00Z", source: "FAX" }, 422, "validation_failed", /^body\.source:/],
    ["malformed projectId", { startedAt: "2026-03-02T09:00:00Z", stoppedAt: "2026-03-02T10:00:00Z", projectId: "p-1" }, 422, "validation_failed", /^body\.projectId:/],
    ["unknown projectId", { startedAt: "2026-03-02T09:00:00Z", stoppedAt: "2026-03-02T10:00:00Z", projectId: "00000000-0000-4000-8000-000000000000" }, 404, "not_found", /Project/],
    ["another organizationId", { startedAt: "2026-03-02T09:00:00Z", stoppedAt: "2026-03-02T10:00:00Z", organizationId: "00000000-0000-4000-8000-000000000000" }, 404, "not_found", /Organization/],
  ])("refuses a log with %s", async (_name, body, status, code, message) => {
    fixClock(NOW);
    const org = await makeOrg();
    const res = await api.createLog(org.member.token, body);
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(code);
    expect(res.body.message).toMatch(message);
    expect((await api.listLogs(org.member.token)).body.total).toBe(0);
  });

  it.each([
    [{ startDate: "2026-02-30" }, "query.startDate"],
    [{ startDate: "yesterday" }, "query.startDate"],
    [{ startDate: "2026-03-05", endDate: "2026-03-04" }, "query.endDate"],
    [{ timeZone: "Mars/Olympus" }, "query.timeZone"],
    [{ employeeId: "nobody" }, "query.employeeId"],
    [{ page: 0 }, "query.page"],
  ])("refuses list query %j naming %s", async (query, field) => {
    const org = await makeOrg();
    const res = await api.listLogs(org.member.token, query);
    expect(res.status).toBe(422);
    expect(res.body.message.startsWith(`${field}:`)).toBe(true);
  });

  it("refuses an overlap with 409 naming the colliding log", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const first = await logTime(org.member.token, "2026-03-02T09:00:00Z", "2026-03-02T11:00:00Z");
    const res = await api.createLog(org.member.token, { startedAt: "2026-03-02T10:30:00Z", stoppedAt: "2026-03-02T12:00:00Z" });
    expect(res.status).toBe(409);
    expect(res.body.error).toBe("time_entry_overlap");
    expect(res.body.message).toContain(first.id);
    expect(res.body.details.conflictingEntryId).toBe(first.id);
    // touching end to start is not an overlap; other users never collide
    expect((await api.createLog(org.member.token, { startedAt: "2026-03-02T11:00:00Z", stoppedAt: "2026-03-02T12:00:00Z" })).status).toBe(201);
    expect((await api.createLog(org.outsider.token, { startedAt: "2026-03-02T09:00:00Z", stoppedAt: "2026-03-02T11:00:00Z" })).status).toBe(201);
    // an update into another log is refused too
    const third = await logTime(org.member.token, "2026-03-02T13:00:00Z", "2026-03-02T14:00:00Z");
    const moved = await api.updateLog(org.member.token, third.id, { startedAt: "2026-03-02T11:30:00Z" });
    expect(moved.status).toBe(409);
    expect(moved.body.error).toBe("time_entry_overlap");
  });

  it("under the trim policy cuts the older logs and lists what changed", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    await setOverlapPolicy(org.id, "trim");
    const before = await logTime(org.member.token, "2026-03-02T09:00:00Z", "2026-03-02T11:00:00Z");
    const inside = await logTime(org.member.token, "2026-03-02T11:30:00Z", "2026-03-02T11:45:00Z");
    const after = await logTime(org.member.token, "2026-03-02T12:30:00Z", "2026-03-02T14:00:00Z");
    const res = await api.createLog(org.member.token, { startedAt: "2026-03-02T10:00:00Z", stoppedAt: "2026-03-02T13:00:00Z" });
    expect(res.status).toBe(201);
    expect(res.body.duration).toBe(3 * 3600);
    expect(res.body.changedEntries).toEqual([
      { id: before.id, action: "trimmed", startedAt: "2026-03-02T09:00:00.000Z", stoppedAt: "2026-03-02T10:00:00.000Z" },
      { id: inside.id, action: "deleted", startedAt: "2026-03-02T11:30:00.000Z", stoppedAt: "2026-03-02T11:45:00.000Z" },
      { id: after.id, action: "trimmed", startedAt: "2026-03-02T13:00:00.000Z", stoppedAt: "2026-03-02T14:00:00.000Z" },
    ]);
    expect((await api.getLog(org.member.token, before.id)).body.duration).toBe(3600);
    expect((await api.getLog(org.member.token, inside.id)).status).toBe(404);
    expect((await api.listLogs(org.member.token)).body.total).toBe(3);
  });

  it("shows a member only their own logs, a manager their team's, an admin everyone's", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const other = await makeOrg();
    const logs = {
      member: await logTime(org.member.token, "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"),
      outsider: await logTime(org.outsider.token, "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"),
      manager: await logTime(org.manager.token, "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"),
      admin: await logTime(org.admin.token, "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"),
      foreign: await logTime(other.member.token, "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"),
    };
    const idsOf = async (token: string, query?: Record<string, string>) =>
      ((await api.listLogs(token, query)).body.items as { id: string }[]).map((i) => i.id).sort();

    expect(await idsOf(org.member.token)).toEqual([logs.member.id]);
    expect(await idsOf(org.manager.token)).toEqual([logs.member.id, logs.manager.id].sort());
    expect(await idsOf(org.admin.token)).toEqual([logs.member.id, logs.outsider.id, logs.manager.id, logs.admin.id].sort());
    expect(await idsOf(org.manager.token, { employeeId: org.member.id })).toEqual([logs.member.id]);

    for (const [token, employeeId, status] of [
      [org.member.token, org.outsider.id, 403],
      [org.member.token, other.member.id, 404],
      [org.manager.token, org.outsider.id, 403],
      [org.admin.token, other.member.id, 404],
      [org.admin.token, org.outsider.id, 200],
    ] as const) {
      expect((await api.listLogs(token, { employeeId })).status, `${employeeId}`).toBe(status);
    }

    for (const [token, id, status] of [
      [org.outsider.token, logs.member.id, 403],
      [org.member.token, logs.foreign.id, 404],
      [org.manager.token, logs.member.id, 200],
      [org.manager.token, logs.outsider.id, 403],
    ] as const) {
      expect((await api.getLog(token, id)).status).toBe(status);
    }
    for (const [token, id, status] of [
      [org.outsider.token, logs.member.id, 403],
      [org.manager.token, logs.member.id, 403],
      [org.member.token, logs.foreign.id, 404],
      [other.admin.token, logs.member.id, 404],
      [org.admin.token, logs.member.id, 200],
    ] as const) {
      expect((await api.updateLog(token, id, { description: "x" })).status).toBe(status);
    }
    expect((await api.deleteLog(org.outsider.token, logs.member.id)).status).toBe(403);
    expect((await api.deleteLog(other.admin.token, logs.member.id)).status).toBe(404);
    expect((await api.getLog(org.member.token, "not-a-uuid")).status).toBe(400);
  });

  it("lets an admin log time for a member, and nobody else", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const times = { startedAt: "2026-03-02T09:00:00Z", stoppedAt: "2026-03-02T10:00:00Z" };
    const byAdmin = await api.createLog(org.admin.token, { ...times, employeeId: org.member.id });
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body.employeeId).toBe(org.member.id);
    expect((await api.createLog(org.manager.token, { ...times, employeeId: org.member.id })).status).toBe(403);
  });
});
