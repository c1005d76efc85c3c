import { describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { auditLog, timeEntries } from "@/db/schema";
import { call, db, makeOrg } from "../helpers";
import { testDbKind } from "../db";
import { R, ms, createProject, createTask } from "../tracking/fixtures";
import { api, fixClock, logTime, resetClockAfterEach, setOverlapPolicy } from "./fixtures";

// Issue 13, item 15: an entry an agent recorded (DESKTOP, BROWSER_EXTENSION, MOBILE) is not
// reclassified by its owner; its approvers may, and every change of its type or times is audited.

resetClockAfterEach();
const NOW = "2026-03-06T12:00:00.000Z";
const START = "2026-03-02T09:00:00.000Z";
const STOP = "2026-03-02T10:00:00.000Z";

async function auditOf(orgId: string, entryId: string) {
  return (await db())
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organizationId, orgId), eq(auditLog.entityId, entryId)))
    .orderBy(asc(auditLog.createdAt));
}

async function entryRow(id: string) {
  const [row] = await (await db()).select().from(timeEntries).where(eq(timeEntries.id, id));
  return row;
}

describe(`entries recorded by an agent (${testDbKind()})`, () => {
  it.each(["DESKTOP", "BROWSER_EXTENSION", "MOBILE"])("refuses the owner turning an IDLE %s entry into TRACKED (403), changing nothing", async (source) => {
    fixClock(NOW);
    const org = await makeOrg();
    const log = await logTime(org.member.token, START, STOP, { logType: "IDLE", source });
    const before = await entryRow(log.id);

    const res = await api.updateLog(org.member.token, log.id, { logType: "TRACKED" });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe("forbidden");
    expect(res.body.message).toMatch(/recorded by an agent/);
    // Laundering it first through another source is refused the same way.
    const relabel = await api.updateLog(org.member.token, log.id, { source: "WEB_TIMER" });
    expect(relabel.status).toBe(403);
    const both = await api.updateLog(org.member.token, log.id, { logType: "TRACKED", description: "worked", stoppedAt: "2026-03-02T10:30:00.000Z" });
    expect(both.status).toBe(403);

    expect(await entryRow(log.id)).toEqual(before);
    expect(await auditOf(org.id, log.id)).toEqual([]);
  });

  it("lets the owner's manager reclassify it (audited with before, after and actor), but not change its times", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const log = await logTime(org.member.token, START, STOP, { logType: "IDLE", source: "DESKTOP" });

    const res = await api.updateLog(org.manager.token, log.id, { logType: "TRACKED" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: log.id, logType: "TRACKED", source: "DESKTOP", startedAt: START, stoppedAt: STOP });
    const rows = await auditOf(org.id, log.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: org.manager.id,
      action: "time_entry.updated",
      entityType: "time_entry",
      data: {
        employeeId: org.member.id,
        source: "DESKTOP",
        before: { logType: "IDLE", source: "DESKTOP", startedAt: START, stoppedAt: STOP },
        after: { logType: "TRACKED", source: "DESKTOP", startedAt: START, stoppedAt: STOP },
      },
    });

    // Approving the type is not editing the entry: times stay the owner's (and admins') to change.
    const times = await api.updateLog(org.manager.token, log.id, { logType: "IDLE", stoppedAt: "2026-03-02T10:30:00.000Z" });
    expect(times.status).toBe(403);
    // A manager who does not manage the owner, and the owner's peers, get 403 too.
    const outsiderLog = await logTime(org.outsider.token, START, STOP, { logType: "IDLE", source: "DESKTOP" });
    expect((await api.updateLog(org.manager.token, outsiderLog.id, { logType: "TRACKED" })).status).toBe(403);
    expect((await api.updateLog(org.outsider.token, log.id, { logType: "IDLE" })).status).toBe(403);
    expect((await entryRow(log.id))!.logType).toBe("TRACKED");
    expect(await auditOf(org.id, log.id)).toHaveLength(1);
  });

  it("lets an admin reclassify it, audited", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const log = await logTime(org.member.token, START, STOP, { logType: "IDLE", source: "MOBILE" });
    const res = await api.updateLog(org.admin.token, log.id, { logType: "TRACKED", source: "WEB_TIMER" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ logType: "TRACKED", source: "WEB_TIMER" });
    const rows = await auditOf(org.id, log.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: org.admin.id,
      action: "time_entry.updated",
      data: { before: { logType: "IDLE", source: "MOBILE" }, after: { logType: "TRACKED", source: "WEB_TIMER" } },
    });
  });

  it("lets the owner change its times, and audits every such change", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const log = await logTime(org.member.token, START, STOP, { logType: "TRACKED", source: "DESKTOP" });
    const res = await api.updateLog(org.member.token, log.id, { stoppedAt: "2026-03-02T11:00:00.000Z", logType: "TRACKED" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.duration).toBe(7200);
    // A description alone is not the type or the times: not audited.
    expect((await api.updateLog(org.member.token, log.id, { description: "standup" })).status).toBe(200);
    const rows = await auditOf(org.id, log.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: org.member.id,
      action: "time_entry.updated",
      data: { before: { startedAt: START, stoppedAt: STOP }, after: { startedAt: START, stoppedAt: "2026-03-02T11:00:00.000Z" } },
    });
  });

  it("audits the owner deleting it (still allowed)", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const log = await logTime(org.member.token, START, STOP, { logType: "IDLE", source: "DESKTOP" });
    expect((await api.deleteLog(org.member.token, log.id)).status).toBe(200);
    const rows = await auditOf(org.id, log.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: org.member.id,
      action: "time_entry.deleted",
      data: { employeeId: org.member.id, source: "DESKTOP", before: { logType: "IDLE", startedAt: START, stoppedAt: STOP } },
    });
  });

  it("audits an agent entry cut or removed by the trim policy to make room for a new one", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    await setOverlapPolicy(org.id, "trim");
    const idle = await logTime(org.member.token, START, STOP, { logType: "IDLE", source: "DESKTOP" });
    const covered = await logTime(org.member.token, "2026-03-02T10:00:00.000Z", "2026-03-02T10:20:00.000Z", { logType: "IDLE", source: "DESKTOP" });
    const manual = await logTime(org.member.token, "2026-03-02T09:30:00.000Z", "2026-03-02T10:30:00.000Z", { logType: "MANUAL" });
    expect(manual.changedEntries).toHaveLength(2);
    expect(await auditOf(org.id, idle.id)).toMatchObject([
      { actorId: org.member.id, action: "time_entry.trimmed", data: { before: { stoppedAt: STOP }, after: { stoppedAt: "2026-03-02T09:30:00.000Z" } } },
    ]);
    expect(await auditOf(org.id, covered.id)).toMatchObject([{ actorId: org.member.id, action: "time_entry.deleted", data: { source: "DESKTOP" } }]);
  });

  it("audits a /v1 track update of an agent-recorded entry", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const task = await createTask(org.member.token);
    const log = await logTime(org.member.token, START, STOP, { logType: "TRACKED", source: "DESKTOP", taskId: task.id });
    const res = await call(R.track.PUT, "PUT", "/v1/x", {
      token: org.member.token,
      params: { taskId: task.id, trackId: log.id },
      body: { end: ms("2026-03-02T09:45:00.000Z") },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await auditOf(org.id, log.id)).toMatchObject([
      { actorId: org.member.id, action: "time_entry.updated", data: { after: { stoppedAt: "2026-03-02T09:45:00.000Z" } } },
    ]);
  });

  it("names the agent-recorded tracks a deleted task took with it in the task's audit", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const project = await createProject(org.member.token);
    const task = await createTask(org.member.token, { projectId: project.id });
    const agent = await logTime(org.member.token, START, STOP, { logType: "IDLE", source: "DESKTOP", taskId: task.id });
    await logTime(org.member.token, "2026-03-02T11:00:00.000Z", "2026-03-02T12:00:00.000Z", { taskId: task.id });
    const res = await call(R.projectTask.DELETE, "DELETE", "/v1/x", { token: org.member.token, params: { projectId: project.id, taskId: task.id } });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    const deleted = (await auditOf(org.id, task.id)).filter((r) => r.action === "task.deleted");
    expect(deleted).toMatchObject([{ data: { deletedTracks: 2, agentRecordedTracks: [agent.id] } }]);
  });

  it("leaves entries of the web timer as they were: the owner changes their type, nothing is audited", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    for (const source of ["WEB_TIMER", "HUBSTAFF", "UPWORK"]) {
      const log = await logTime(org.member.token, START, STOP, { logType: "IDLE", source });
      const res = await api.updateLog(org.member.token, log.id, { logType: "TRACKED", stoppedAt: "2026-03-02T10:15:00.000Z" });
      expect(res.status, source).toBe(200);
      expect(res.body.logType).toBe("TRACKED");
      expect(await auditOf(org.id, log.id)).toEqual([]);
      // A manager still may not edit them.
      expect((await api.updateLog(org.manager.token, log.id, { logType: "IDLE" })).status).toBe(403);
      expect((await api.deleteLog(org.member.token, log.id)).status).toBe(200);
      expect(await auditOf(org.id, log.id)).toEqual([]);
    }
  });
});
