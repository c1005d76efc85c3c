import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { and, eq, isNull } from "drizzle-orm";
import { tasks, timeEntries, timesheets } from "@/db/schema";
import { setClock } from "@/base/clock";
import { toTimeLog } from "@/lib/services/tracking";
import { GET as getTimeLog } from "@/app/api/timesheet/time-log/[id]/route";
import { POST as postTimeLog } from "@/app/api/timesheet/time-log/route";
import { trackResponse } from "@/lib/validation/tracking-responses";
import { messageResponse } from "@/lib/validation/account-responses";
import { testDbKind } from "../db";
import { call, db, makeOrg } from "../helpers";
import { R, conforms, createProject, createTask, createTrack, ms } from "./fixtures";

const NOW = new Date("2026-03-06T12:00:00Z");
const at = (iso: string) => setClock(() => new Date(iso));
/** A clock that runs from NOW (sessions were opened at NOW), so concurrent calls see distinct instants. */
const ticking = () => {
  const base = Date.now();
  setClock(() => new Date(NOW.getTime() + Date.now() - base));
};
beforeEach(() => setClock(() => NOW));
afterEach(() => setClock(null));

const running = async (orgId: string, userId: string) =>
  (await db())
    .select()
    .from(timeEntries)
    .where(and(eq(timeEntries.organizationId, orgId), eq(timeEntries.userId, userId), isNull(timeEntries.stoppedAt)));

describe(`task timer (${testDbKind()})`, () => {
  it("starts (201), switches to another task at the same instant, stops; stopping with nothing running is 409", async () => {
    const org = await makeOrg();
    const token = org.member.token;
    const t1 = await createTask(token);
    const t2 = await createTask(token, { name: "Other" });
    at("2026-03-06T09:00:00Z");
    const started = await call(R.start.POST, "POST", "/v1/x", { token, params: { taskId: t1.id } });
    conforms(trackResponse, started, 201);
    expect(started.body).toMatchObject({ taskId: t1.id, userId: org.member.id, end: null, endTime: null, amount: 0, start: ms("2026-03-06T09:00:00Z") });

    at("2026-03-06T10:35:05Z");
    const switched = await call(R.start.POST, "POST", "/v1/x", { token, params: { taskId: t2.id } });
    expect(switched.status).toBe(201);
    const first = await call(R.track.GET, "GET", "/v1/x", { token, params: { taskId: t1.id, trackId: started.body.id } });
    conforms(trackResponse, first);
    expect(first.body).toMatchObject({ end: ms("2026-03-06T10:35:05Z"), amount: 5705000, hours: 1, minutes: 35, seconds: 5, timeFormatted: "1h 35m 5s" });
    expect(switched.body.start).toBe(first.body.end);

    // the caller's timer runs on t2, not t1
    const wrongTask = await call(R.stop.POST, "POST", "/v1/x", { token, params: { taskId: t1.id } });
    expect(wrongTask.status).toBe(409);
    expect(wrongTask.body.code).toBe("timer_not_running");

    at("2026-03-06T11:05:05Z");
    const stopped = await call(R.stop.POST, "POST", "/v1/x", { token, params: { taskId: t2.id } });
    conforms(trackResponse, stopped);
    expect(stopped.body).toMatchObject({ id: switched.body.id, amount: 1800000, timeFormatted: "0h 30m 0s" });
    const again = await call(R.stop.POST, "POST", "/v1/x", { token, params: { taskId: t2.id } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("timer_not_running");
  });

  it("refuses to start a closed task (409 task_closed) and hides other organisations' tasks (404)", async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    const t = await createTask(a.member.token, { name: "Done already" });
    await call(R.task.PUT, "PUT", "/v1/x", { token: a.member.token, params: { taskId: t.id }, body: { status: "closed" } });
    const res = await call(R.start.POST, "POST", "/v1/x", { token: a.member.token, params: { taskId: t.id } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("task_closed");
    const byName = await call(R.clockInName.POST, "POST", "/v1/x", { token: a.member.token, params: { name: "done ALREADY" } });
    expect(byName.status).toBe(409);
    expect(byName.body.code).toBe("task_closed");
    expect((await call(R.start.POST, "POST", "/v1/x", { token: b.admin.token, params: { taskId: t.id } })).status).toBe(404);
    expect((await call(R.stop.POST, "POST", "/v1/x", { token: b.admin.token, params: { taskId: t.id } })).status).toBe(404);
  });

  it("concurrent starts of one user leave exactly one running entry", async () => {
    const org = await makeOrg();
    const t1 = await createTask(org.member.token);
    const t2 = await createTask(org.member.token, { name: "Other" });
    ticking();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => call(R.start.POST, "POST", "/v1/x", { token: org.member.token, params: { taskId: i % 2 ? t1.id : t2.id } })),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
    expect(await running(org.id, org.member.id)).toHaveLength(1);
  });

  it("clocks in by name: five concurrent calls for a new name create one task and leave one running entry", async () => {
    const org = await makeOrg();
    ticking();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => call(R.clockInName.POST, "POST", "/v1/x", { token: org.member.token, params: { name: "Write API Documentation" } })),
    );
    for (const r of results) conforms(trackResponse, r, 201);
    const created = await (await db()).select().from(tasks).where(eq(tasks.organizationId, org.id));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ name: "Write API Documentation", userId: org.member.id, status: "open", externalId: null });
    expect(new Set(results.map((r) => r.body.taskId))).toEqual(new Set([created[0]!.id]));
    const live = await running(org.id, org.member.id);
    expect(live).toHaveLength(1);
    expect(live[0]!.taskId).toBe(created[0]!.id);

    // another user clocking in by the same name, in other letter case, finds the same task
    const other = await call(R.clockInName.POST, "POST", "/v1/x", { token: org.outsider.token, params: { name: "write api documentation" } });
    expect(other.body.taskId).toBe(created[0]!.id);
  });

  it("clocks in by external id: concurrent calls create one task named after the id; later calls find it", async () => {
    const org = await makeOrg();
    ticking();
    const results = await Promise.all(
      [org.member, org.member, org.outsider, org.manager, org.member].map((u) =>
        call(R.clockInExternal.POST, "POST", "/v1/x", { token: u.token, params: { externalId: "JIRA-492" } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const created = await (await db()).select().from(tasks).where(eq(tasks.organizationId, org.id));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ name: "JIRA-492", externalId: "JIRA-492" });
    for (const u of [org.member, org.outsider, org.manager]) expect(await running(org.id, u.id)).toHaveLength(1);

    const existing = await createTask(org.member.token, { name: "Linked", externalId: "GH-12" });
    const found = await call(R.clockInExternal.POST, "POST", "/v1/x", { token: org.admin.token, params: { externalId: "GH-12" } });
    expect(found.body.taskId).toBe(existing.id);
    const empty = await call(R.clockInExternal.POST, "POST", "/v1/x", { token: org.admin.token, params: { externalId: " " } });
    expect(empty.status).toBe(400);
  });
});

describe(`time tracks of a task (${testDbKind()})`, () => {
  it("creates, lists, reads, updates and deletes a track in the seed's shape", async () => {
    const org = await makeOrg();
    const token = org.member.token;
    const t = await createTask(token);
    const created = await call(R.tracks.POST, "POST", "/v1/x", {
      token,
      params: { taskId: t.id },
      body: { start: ms("2026-03-03T14:00:00Z"), end: ms("2026-03-03T15:35:05Z") },
    });
    conforms(trackResponse, created, 201);
    expect(created.body).toMatchObject({
      taskId: t.id,
      userId: org.member.id,
      startTime: "2026-03-03T14:00:00.000Z",
      endTime: "2026-03-03T15:35:05.000Z",
      amount: 5705000,
      hours: 1,
      minutes: 35,
      seconds: 5,
      timeFormatted: "1h 35m 5s",
    });
    const id = created.body.id as string;
    const list = await call(R.tracks.GET, "GET", "/v1/x", { token, params: { taskId: t.id } });
    conforms(z.array(trackResponse), list);
    expect(list.body).toEqual([created.body]);
    conforms(trackResponse, await call(R.track.GET, "GET", "/v1/x", { token, params: { taskId: t.id, trackId: id } }));

    const updated = await call(R.track.PUT, "PUT", "/v1/x", { token, params: { taskId: t.id, trackId: id }, body: { end: ms("2026-03-03T15:00:00Z") } });
    conforms(trackResponse, updated);
    expect(updated.body).toMatchObject({ amount: 3600000, timeFormatted: "1h 0m 0s" });

    const deleted = await call(R.track.DELETE, "DELETE", "/v1/x", { token, params: { taskId: t.id, trackId: id } });
    conforms(messageResponse, deleted);
    expect((await call(R.track.GET, "GET", "/v1/x", { token, params: { taskId: t.id, trackId: id } })).status).toBe(404);
  });

  it("records a running track when end is left out; it counts up to now", async () => {
    const org = await makeOrg();
    const t = await createTask(org.member.token);
    const res = await call(R.tracks.POST, "POST", "/v1/x", { token: org.member.token, params: { taskId: t.id }, body: { start: ms("2026-03-06T11:00:00Z") } });
    conforms(trackResponse, res, 201);
    expect(res.body).toMatchObject({ end: null, amount: 3600000 });
    at("2026-03-06T12:30:00Z");
    const later = await call(R.track.GET, "GET", "/v1/x", { token: org.member.token, params: { taskId: t.id, trackId: res.body.id } });
    expect(later.body.amount).toBe(5400000);
  });

  it.each([
    [{ start: ms("2026-03-03T10:00:00Z"), end: ms("2026-03-03T09:00:00Z") }, 422, "validation_failed", "end: must be after start"],
    [{ start: ms("2026-03-03T10:00:00Z"), end: ms("2026-03-03T10:00:00Z") }, 422, "validation_failed", "end: must be after start"],
    [{ start: ms("2026-03-06T11:00:00Z"), end: ms("2026-03-06T13:00:00Z") }, 422, "validation_failed", "end: must not be in the future"],
    [{ start: ms("2026-03-01T00:00:00Z"), end: ms("2026-03-02T00:00:01Z") }, 422, "validation_failed", "end: an entry may last at most 24 hours"],
    [{ end: ms("2026-03-03T10:00:00Z") }, 422, "validation_failed", "body.start:"],
    [{ start: "soon" }, 422, "validation_failed", "body.start:"],
    [{ start: ms("2026-03-03T09:30:00Z"), end: ms("2026-03-03T09:45:00Z") }, 409, "time_entry_overlap", "The entry overlaps entry"],
  ] as const)("refuses a bad track %#", async (body, status, code, message) => {
    const org = await makeOrg();
    const t = await createTask(org.member.token);
    const existing = await createTrack(org.member.token, t.id, "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z");
    const res = await call(R.tracks.POST, "POST", "/v1/x", { token: org.member.token, params: { taskId: t.id }, body });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toContain(message);
    if (code === "time_entry_overlap") expect(res.body.details.conflictingEntryId).toBe(existing.id);
  });

  it("refuses an update that breaks the rules, naming start and end", async () => {
    const org = await makeOrg();
    const t = await createTask(org.member.token);
    const a = await createTrack(org.member.token, t.id, "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z");
    const b = await createTrack(org.member.token, t.id, "2026-03-03T11:00:00Z", "2026-03-03T12:00:00Z");
    const put = (body: unknown) => call(R.track.PUT, "PUT", "/v1/x", { token: org.member.token, params: { taskId: t.id, trackId: b.id }, body });
    const cases = [
      [await put({ start: ms("2026-03-03T12:30:00Z") }), 422, "end: must be after start"],
      [await put({ start: ms("2026-03-03T09:30:00Z") }), 409, `overlaps entry ${a.id}`],
      [await put({}), 422, "body: send at least one field"],
    ] as const;
    for (const [res, status, message] of cases) {
      expect(res.status).toBe(status);
      expect(res.body.message).toContain(message);
    }
  });

  it("locks tracks of a submitted week (423) for their owner", async () => {
    const org = await makeOrg();
    const t = await createTask(org.member.token);
    const tr = await createTrack(org.member.token, t.id, "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z");
    const d = await db();
    const [e] = await d.select().from(timeEntries).where(eq(timeEntries.id, tr.id));
    await d.update(timesheets).set({ status: "PENDING" }).where(eq(timesheets.id, e!.timesheetId!));
    const params = { taskId: t.id, trackId: tr.id };
    const results = [
      await call(R.track.PUT, "PUT", "/v1/x", { token: org.member.token, params, body: { end: ms("2026-03-03T09:30:00Z") } }),
      await call(R.track.DELETE, "DELETE", "/v1/x", { token: org.member.token, params }),
      await call(R.tracks.POST, "POST", "/v1/x", { token: org.member.token, params: { taskId: t.id }, body: { start: ms("2026-03-04T09:00:00Z"), end: ms("2026-03-04T10:00:00Z") } }),
    ];
    for (const r of results) {
      expect(r.status).toBe(423);
      expect(r.body.code).toBe("timesheet_locked");
    }
  });

  it("lets the owner or an admin change a track; managers read their members' tracks; others 403; other organisations 404", async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    const t = await createTask(a.member.token);
    const tr = await createTrack(a.member.token, t.id, "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z");
    await createTrack(a.outsider.token, t.id, "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z");
    const params = { taskId: t.id, trackId: tr.id };
    const get = (token: string) => call(R.track.GET, "GET", "/v1/x", { token, params });
    const put = (token: string) => call(R.track.PUT, "PUT", "/v1/x", { token, params, body: { end: ms("2026-03-03T09:50:00Z") } });
    const del = (token: string) => call(R.track.DELETE, "DELETE", "/v1/x", { token, params });
    const list = async (token: string) => (await call(R.tracks.GET, "GET", "/v1/x", { token, params: { taskId: t.id } })).body.length;

    expect([(await get(a.manager.token)).status, (await put(a.manager.token)).status, (await del(a.manager.token)).status]).toEqual([200, 403, 403]);
    expect([(await get(a.outsider.token)).status, (await put(a.outsider.token)).status, (await del(a.outsider.token)).status]).toEqual([403, 403, 403]);
    expect([(await get(b.admin.token)).status, (await put(b.admin.token)).status, (await del(b.admin.token)).status]).toEqual([404, 404, 404]);
    expect([await list(a.member.token), await list(a.outsider.token), await list(a.manager.token), await list(a.admin.token)]).toEqual([1, 1, 1, 2]);
    expect((await call(R.tracks.POST, "POST", "/v1/x", { token: b.admin.token, params: { taskId: t.id }, body: { start: ms("2026-03-03T09:00:00Z") } })).status).toBe(404);
    expect((await call(R.tracks.GET, "GET", "/v1/x", { token: b.admin.token, params: { taskId: t.id } })).status).toBe(404);
    // a track addressed under another task of the organisation is not found
    const other = await createTask(a.member.token, { name: "Other" });
    expect((await call(R.track.GET, "GET", "/v1/x", { token: a.member.token, params: { taskId: other.id, trackId: tr.id } })).status).toBe(404);

    expect((await put(a.admin.token)).status).toBe(200);
    expect((await put(a.member.token)).status).toBe(200);
    expect((await del(a.member.token)).status).toBe(200);
  });

  it("is the same row a time log shows, with the same duration (toTimeLog over a direct read)", async () => {
    const org = await makeOrg();
    const p = await createProject(org.member.token);
    const t = await createTask(org.member.token, { projectId: p.id });
    const tr = await createTrack(org.member.token, t.id, "2026-03-03T14:00:00Z", "2026-03-03T15:35:05Z");
    const [row] = await (await db()).select().from(timeEntries).where(and(eq(timeEntries.organizationId, org.id), eq(timeEntries.id, tr.id)));
    const log = toTimeLog(row!);
    expect(log).toMatchObject({ id: tr.id, employeeId: org.member.id, taskId: t.id, projectId: p.id, startedAt: "2026-03-03T14:00:00.000Z", stoppedAt: "2026-03-03T15:35:05.000Z" });
    expect(log.duration * 1000).toBe(tr.amount);
  });

  it("reads back through /api/timesheet/time-log with the same duration, and a time log shows as a track", async () => {
    const org = await makeOrg();
    const token = org.member.token;
    const t = await createTask(token);
    const tr = await createTrack(token, t.id, "2026-03-03T14:00:00Z", "2026-03-03T15:35:05Z");
    const log = await call(getTimeLog, "GET", `/api/timesheet/time-log/${tr.id}`, { token, params: { id: tr.id } });
    expect(log.status).toBe(200);
    expect(log.body).toMatchObject({ id: tr.id, taskId: t.id, startedAt: "2026-03-03T14:00:00.000Z", stoppedAt: "2026-03-03T15:35:05.000Z" });
    expect(log.body.duration * 1000).toBe(tr.amount);

    const created = await call(postTimeLog, "POST", "/api/timesheet/time-log", {
      token,
      body: { startedAt: "2026-03-04T08:00:00Z", stoppedAt: "2026-03-04T08:45:30Z", taskId: t.id },
    });
    expect(created.status).toBe(201);
    const asTrack = await call(R.track.GET, "GET", "/v1/x", { token, params: { taskId: t.id, trackId: created.body.id } });
    conforms(trackResponse, asTrack);
    expect(asTrack.body.amount).toBe(created.body.duration * 1000);
    expect(asTrack.body.timeFormatted).toBe("0h 45m 30s");
  });
});
