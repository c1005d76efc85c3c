import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, teamMembers } from "@/db/schema";
import { testDbKind } from "../db";
import { addUser, db, makeOrg, type TestOrg } from "../helpers";
import { api, fixClock, logTime, resetClockAfterEach } from "./fixtures";

resetClockAfterEach();
const NOW = "2026-03-13T12:00:00Z";

/** One logged hour on Tuesday 3 March 2026 for the user; answers the id of its week's sheet. */
async function sheetOf(token: string, day = "2026-03-03"): Promise<string> {
  const log = await logTime(token, `${day}T09:00:00Z`, `${day}T10:00:00Z`);
  return log.timesheetId as string;
}

async function auditOf(orgId: string, sheetId: string) {
  return (await db())
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organizationId, orgId), eq(auditLog.entityId, sheetId)))
    .orderBy(auditLog.createdAt);
}

async function statusOf(token: string, sheetId: string, employeeId: string): Promise<string> {
  const res = await api.listSheets(token, { employeeId });
  return res.body.items.find((s: { id: string }) => s.id === sheetId)?.status;
}

async function joinTeam(org: TestOrg, userId: string) {
  await (await db()).insert(teamMembers).values({ organizationId: org.id, teamId: org.teamId, userId });
}

describe(`/api/timesheet weekly sheets (${testDbKind()})`, () => {
  it("lists weekly sheets with totals by billable and log type, computed from their logs", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    await logTime(org.member.token, "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", { isBillable: true });
    await logTime(org.member.token, "2026-03-03T10:00:00Z", "2026-03-03T12:00:00Z", { logType: "TRACKED", source: "DESKTOP" });
    await logTime(org.member.token, "2026-03-04T12:00:00Z", "2026-03-04T12:30:00Z", { logType: "IDLE", source: "DESKTOP" });
    await logTime(org.member.token, "2026-03-09T09:00:00Z", "2026-03-09T10:00:00Z");
    await logTime(org.outsider.token, "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z");

    const res = await api.listSheets(org.member.token, { startDate: "2026-03-01", endDate: "2026-03-08" });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({
      employeeId: org.member.id,
      organizationId: org.id,
      weekStart: "2026-03-02",
      weekEnd: "2026-03-08",
      status: "DRAFT",
      duration: 3600 + 7200 + 1800,
      billableDuration: 3600,
      durationByLogType: { TRACKED: 7200, MANUAL: 3600, IDLE: 1800, RESUMED: 0 },
      logCount: 3,
    });
    const both = await api.listSheets(org.member.token);
    expect(both.body.items.map((s: { weekStart: string }) => s.weekStart)).toEqual(["2026-03-09", "2026-03-02"]);

    const byManager = await api.listSheets(org.manager.token, { startDate: "2026-03-02", endDate: "2026-03-08" });
    expect(byManager.body.items.map((s: { employeeId: string }) => s.employeeId)).toEqual([org.member.id]);
    expect((await api.listSheets(org.admin.token, { startDate: "2026-03-02", endDate: "2026-03-08" })).body.total).toBe(2);
    expect((await api.listSheets(org.member.token, { employeeId: org.outsider.id })).status).toBe(403);
    expect((await api.listSheets(org.member.token, { status: "PENDING" })).body.total).toBe(0);
  });

  it("runs submit → deny → resubmit → review → approve, locking the owner's logs while submitted", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const log = await logTime(org.member.token, "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z");
    const sheetId = log.timesheetId as string;

    const submitted = await api.submit(org.member.token, [sheetId]);
    expect(submitted.status).toBe(200);
    expect(submitted.body.items[0]).toMatchObject({ id: sheetId, status: "PENDING", submittedBy: org.member.id, duration: 3600 });

    for (const res of [
      await api.updateLog(org.member.token, log.id, { description: "late change" }),
      await api.deleteLog(org.member.token, log.id),
      await api.createLog(org.member.token, { startedAt: "2026-03-04T09:00:00Z", stoppedAt: "2026-03-04T10:00:00Z" }),
    ]) {
      expect(res.status).toBe(423);
      expect(res.body.error).toBe("timesheet_locked");
    }

    const tooLong = await api.deny(org.manager.token, [sheetId], "x".repeat(2001));
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.message).toMatch(/^body\.reason:/);

    const denied = await api.deny(org.manager.token, [sheetId], "Tuesday is missing the client call");
    expect(denied.status).toBe(200);
    expect(denied.body.items[0]).toMatchObject({ status: "DENIED", reason: "Tuesday is missing the client call", reviewedBy: org.manager.id });

    // a denied week is editable again, then resubmitted
    expect((await api.createLog(org.member.token, { startedAt: "2026-03-04T09:00:00Z", stoppedAt: "2026-03-04T10:00:00Z" })).status).toBe(201);
    const resubmitted = await api.submit(org.member.token, [sheetId]);
    expect(resubmitted.body.items[0]).toMatchObject({ status: "PENDING", reason: null, duration: 7200 });

    expect((await api.review(org.manager.token, [sheetId])).body.items[0].status).toBe("IN_REVIEW");
    expect((await api.updateLog(org.member.token, log.id, { description: "x" })).status).toBe(423);
    const approved = await api.approve(org.manager.token, [sheetId]);
    expect(approved.status).toBe(200);
    expect(approved.body.items[0]).toMatchObject({ status: "APPROVED", reviewedBy: org.manager.id });
    expect((await api.updateLog(org.member.token, log.id, { description: "x" })).status).toBe(423);

    const actions = (await auditOf(org.id, sheetId)).map((a) => [a.action, a.data?.from, a.data?.to]);
    expect(actions).toEqual([
      ["timesheet.submitted", "DRAFT", "PENDING"],
      ["timesheet.denied", "PENDING", "DENIED"],
      ["timesheet.submitted", "DENIED", "PENDING"],
      ["timesheet.put_in_review", "PENDING", "IN_REVIEW"],
      ["timesheet.approved", "IN_REVIEW", "APPROVED"],
    ]);
  });

  it.each([
    ["approve", "DRAFT", "approved"],
    ["deny", "DRAFT", "denied"],
    ["review", "DRAFT", "put in review"],
    ["submit", "PENDING", "submitted"],
    ["review", "IN_REVIEW", "put in review"],
    ["submit", "APPROVED", "submitted"],
    ["approve", "APPROVED", "approved"],
    ["deny", "APPROVED", "denied"],
    ["reopen", "PENDING", "reopened"],
    ["reopen", "DENIED", "reopened"],
    ["approve", "DENIED", "approved"],
  ] as const)("refuses to %s a %s sheet with 409 naming it and its status", async (action, from, verb) => {
    fixClock(NOW);
    const org = await makeOrg();
    const sheetId = await sheetOf(org.member.token);
    const path: Record<string, () => Promise<{ status: number }>> = {
      PENDING: () => api.submit(org.member.token, [sheetId]),
      IN_REVIEW: () => api.review(org.manager.token, [sheetId]),
      APPROVED: () => api.approve(org.manager.token, [sheetId]),
      DENIED: () => api.deny(org.manager.token, [sheetId], "no"),
    };
    const steps = { DRAFT: [], PENDING: ["PENDING"], IN_REVIEW: ["PENDING", "IN_REVIEW"], APPROVED: ["PENDING", "APPROVED"], DENIED: ["PENDING", "DENIED"] }[from];
    for (const s of steps) expect((await path[s]!()).status).toBe(200);

    const token = action === "submit" ? org.member.token : action === "reopen" ? org.admin.token : org.manager.token;
    const res =
      action === "submit" ? await api.submit(token, [sheetId])
      : action === "deny" ? await api.deny(token, [sheetId], "no")
      : await api[action](token, [sheetId]);
    expect(res.status).toBe(409);
    expect(res.body.error).toBe("invalid_transition");
    expect(res.body.message).toContain(`Timesheet ${sheetId} is ${from} and cannot be ${verb}`);
    expect(res.body.details.failed).toEqual([expect.objectContaining({ id: sheetId, code: "invalid_transition", status: from })]);
    expect(await statusOf(org.admin.token, sheetId, org.member.id)).toBe(from);
  });

  it("approves in bulk all or nothing, naming the ids that failed", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const other = await makeOrg();
    const second = await addUser(org.id);
    await joinTeam(org, second.id);
    const a = await sheetOf(org.member.token);
    const b = await sheetOf(second.token);
    const foreign = await sheetOf(other.member.token);
    expect((await api.submit(org.member.token, [a])).status).toBe(200);

    const mixed = await api.approve(org.manager.token, [a, b]);
    expect(mixed.status).toBe(409);
    expect(mixed.body.details.failedIds).toEqual([b]);
    expect(mixed.body.message).toContain(b);
    expect(mixed.body.message).not.toContain(`Timesheet ${a}`);
    expect(await statusOf(org.admin.token, a, org.member.id)).toBe("PENDING");

    const withForeign = await api.approve(org.manager.token, [a, foreign]);
    expect(withForeign.status).toBe(404);
    expect(withForeign.body.details.failedIds).toEqual([foreign]);
    expect(await statusOf(org.admin.token, a, org.member.id)).toBe("PENDING");

    expect((await api.submit(second.token, [b])).status).toBe(200);
    const both = await api.approve(org.manager.token, [a, b]);
    expect(both.status).toBe(200);
    expect(both.body.items.map((s: { status: string }) => s.status)).toEqual(["APPROVED", "APPROVED"]);
  });

  it("refuses self-approval, another team's manager, plain members and foreign submitters", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const own = await sheetOf(org.manager.token);
    const adminOwn = await sheetOf(org.admin.token);
    const outsiders = await sheetOf(org.outsider.token);
    const members = await sheetOf(org.member.token);
    for (const [token, id] of [[org.manager.token, own], [org.admin.token, adminOwn], [org.outsider.token, outsiders], [org.member.token, members]] as const) {
      expect((await api.submit(token, [id])).status).toBe(200);
    }
    for (const [name, res, code] of [
      ["manager approves own", await api.approve(org.manager.token, [own]), "forbidden"],
      ["admin approves own", await api.approve(org.admin.token, [adminOwn]), "forbidden"],
      ["manager denies own", await api.deny(org.manager.token, [own], "x"), "forbidden"],
      ["manager of another team", await api.approve(org.manager.token, [outsiders]), "forbidden"],
      ["plain member", await api.approve(org.outsider.token, [members]), "forbidden"],
      ["member approves team-mate", await api.approve(org.member.token, [outsiders]), "forbidden"],
      ["manager reopens", await api.reopen(org.manager.token, [members]), "forbidden"],
    ] as const) {
      expect(res.status, name).toBe(403);
      expect(res.body.error, name).toBe(code);
    }
    expect((await api.approve(org.admin.token, [own, outsiders])).status).toBe(200);

    const draft = await sheetOf(org.member.token, "2026-03-10");
    const bySomeoneElse = await api.submit(org.manager.token, [draft]);
    expect(bySomeoneElse.status).toBe(403);
    expect(bySomeoneElse.body.details.failedIds).toEqual([draft]);
    const wrongStatus = await api.submit(org.member.token, [draft], { status: "APPROVED" });
    expect(wrongStatus.status).toBe(422);
    expect(wrongStatus.body.message).toMatch(/^body\.status:/);
    expect((await api.approve(org.manager.token, [])).status).toBe(422);
  });

  it("lets an admin reopen an approved sheet, audited, so the owner can edit again", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const log = await logTime(org.member.token, "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z");
    const sheetId = log.timesheetId as string;
    await api.submit(org.member.token, [sheetId]);
    await api.approve(org.manager.token, [sheetId]);
    const reopened = await api.reopen(org.admin.token, [sheetId], "Client asked for a correction");
    expect(reopened.status).toBe(200);
    expect(reopened.body.items[0]).toMatchObject({ status: "DRAFT", submittedAt: null, reviewedAt: null });
    const events = await auditOf(org.id, sheetId);
    expect(events.at(-1)).toMatchObject({
      action: "timesheet.reopened",
      actorId: org.admin.id,
      entityType: "timesheet",
      data: { from: "APPROVED", to: "DRAFT", reason: "Client asked for a correction", employeeId: org.member.id, weekStart: "2026-03-02" },
    });
    expect((await api.updateLog(org.member.token, log.id, { description: "corrected" })).status).toBe(200);
  });

  it("refuses to submit a week with a running timer", async () => {
    fixClock("2026-03-04T09:00:00Z");
    const org = await makeOrg();
    const started = await api.start(org.member.token);
    const res = await api.submit(org.member.token, [started.body.timesheetId]);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain("running timer");
  });

  it("approves a sheet once when two reviewers approve it at the same moment", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const sheetId = await sheetOf(org.member.token);
    await api.submit(org.member.token, [sheetId]);
    const results = await Promise.all([api.approve(org.manager.token, [sheetId]), api.approve(org.admin.token, [sheetId])]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const approvals = (await auditOf(org.id, sheetId)).filter((e) => e.action === "timesheet.approved");
    expect(approvals).toHaveLength(1);
  });
});
