import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { timesheets, users } from "@/db/schema";
import { testDbKind } from "../db";
import { call, db, makeOrg, type TestOrg } from "../helpers";
import { R, createTask, ms } from "../tracking/fixtures";
import { api, fixClock, logTime, resetClockAfterEach } from "./fixtures";

// A sheet stores the instants its week began and ended when it is created: locks and
// totals use those instants, whatever the owner's zone later becomes (issue 13 item 6),
// and a sheet's total is the part of each entry inside them (issue 14).

resetClockAfterEach();
const NOW = "2026-03-13T12:00:00Z";

async function setZone(org: TestOrg, userId: string, timeZone: string) {
  await (await db()).update(users).set({ timeZone }).where(and(eq(users.organizationId, org.id), eq(users.id, userId)));
}

async function sheetsOf(token: string, employeeId: string) {
  const res = await api.listSheets(token, { employeeId });
  expect(res.status).toBe(200);
  return res.body.items as Array<{ id: string; weekStart: string; duration: number; logCount: number; status: string; weekStartedAt: string; weekEndedAt: string }>;
}

function expectLocked(res: { status: number; body: { error?: string; code?: string } }) {
  expect(res.status, JSON.stringify(res.body)).toBe(423);
  expect(res.body.error ?? res.body.code).toBe("timesheet_locked");
}

describe(`timesheet weeks are stored instants (${testDbKind()})`, () => {
  it("an approved week stays locked when the member moves to +14 and then to −12", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const token = org.member.token;
    const log = await logTime(token, "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z");
    // an entry of the following (open) week, to move into the approved one later
    const later = await logTime(token, "2026-03-10T09:00:00Z", "2026-03-10T10:00:00Z");
    const task = await createTask(token);
    expect((await api.submit(token, [log.timesheetId])).status).toBe(200);
    expect((await api.approve(org.manager.token, [log.timesheetId])).status).toBe(200);
    const [stored] = (await sheetsOf(token, org.member.id)).filter((s) => s.id === log.timesheetId);
    expect(stored).toMatchObject({ weekStartedAt: "2026-03-02T00:00:00.000Z", weekEndedAt: "2026-03-09T00:00:00.000Z" });

    // Sunday 8 March 20:00 UTC is Monday 9 March 10:00 in Kiritimati (+14);
    // Monday 2 March 05:00 UTC is Sunday 1 March 17:00 at −12
    for (const [zone, start, stop] of [
      ["Pacific/Kiritimati", "2026-03-08T20:00:00Z", "2026-03-08T21:00:00Z"],
      ["Etc/GMT+12", "2026-03-02T05:00:00Z", "2026-03-02T06:00:00Z"],
    ] as const) {
      await setZone(org, org.member.id, zone);
      expectLocked(await api.createLog(token, { startedAt: start, stoppedAt: stop }));
      expectLocked(await api.updateLog(token, later.id, { startedAt: start, stoppedAt: stop }));
      expectLocked(
        await call(R.tracks.POST, "POST", "/v1/x", { token, params: { taskId: task.id }, body: { start: ms(start), end: ms(stop) } }),
      );
      fixClock(start);
      expectLocked(await api.start(token));
      expectLocked(await call(R.start.POST, "POST", "/v1/x", { token, params: { taskId: task.id } }));
      fixClock(NOW);
    }
    // the approved sheet still holds one hour, and no other sheet took time inside its week
    const after = await sheetsOf(token, org.member.id);
    expect(after.find((s) => s.id === log.timesheetId)).toMatchObject({ status: "APPROVED", duration: 3600, logCount: 1 });
    expect(after.reduce((n, s) => n + s.duration, 0)).toBe(7200);
  }, 120_000);

  it("a sheet created after a zone change does not overlap its neighbours", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const token = org.member.token;
    await logTime(token, "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z"); // week of 2 March in UTC
    await setZone(org, org.member.id, "Pacific/Kiritimati");
    // Monday 9 March 10:00 in +14 (Sunday 8 March 20:00 UTC) lies in the stored UTC week: it joins that sheet
    const inside = await logTime(token, "2026-03-08T20:00:00Z", "2026-03-08T21:00:00Z");
    // Monday 9 March 14:00 in +14 (00:00 UTC): a new sheet, starting where the stored week ended
    const next = await logTime(token, "2026-03-09T00:00:00Z", "2026-03-09T01:00:00Z");
    const sheets = await sheetsOf(token, org.member.id);
    expect(sheets.map((s) => [s.weekStart, s.weekStartedAt, s.weekEndedAt, s.duration])).toEqual([
      ["2026-03-09", "2026-03-09T00:00:00.000Z", "2026-03-15T10:00:00.000Z", 3600],
      ["2026-03-02", "2026-03-02T00:00:00.000Z", "2026-03-09T00:00:00.000Z", 7200],
    ]);
    expect(inside.timesheetId).toBe(sheets[1]!.id);
    expect(next.timesheetId).toBe(sheets[0]!.id);
  });

  it("an entry from Sunday 23:30 to Monday 00:30 gives each week's sheet 1800 s, and either sheet locks it", async () => {
    fixClock(NOW);
    const org = await makeOrg();
    const token = org.member.token;
    const log = await logTime(token, "2026-03-08T23:30:00Z", "2026-03-09T00:30:00Z");
    const sheets = await sheetsOf(token, org.member.id);
    expect(sheets.map((s) => [s.weekStart, s.duration, s.logCount])).toEqual([
      ["2026-03-09", 1800, 1],
      ["2026-03-02", 1800, 1],
    ]);
    const counts = await api.counts(token, { startDate: "2026-03-02", endDate: "2026-03-08" });
    expect(counts.body.weeklyDuration).toBe(1800);

    for (const i of [0, 1]) {
      const sheet = sheets[i]!;
      expect((await api.submit(token, [sheet.id])).status).toBe(200);
      expectLocked(await api.updateLog(token, log.id, { description: "late" }));
      expectLocked(await api.deleteLog(token, log.id));
      const edge = i === 0 ? ["2026-03-09T00:30:00Z", "2026-03-09T01:00:00Z"] : ["2026-03-08T22:00:00Z", "2026-03-08T23:00:00Z"];
      expectLocked(await api.createLog(token, { startedAt: edge[0], stoppedAt: edge[1] }));
      const reopened = await (await db())
        .update(timesheets)
        .set({ status: "DRAFT" })
        .where(and(eq(timesheets.organizationId, org.id), eq(timesheets.id, sheet.id)))
        .returning();
      expect(reopened).toHaveLength(1);
    }
    expect((await api.updateLog(token, log.id, { description: "open again" })).status).toBe(200);
  });

  it("a running timer that crossed into the next week blocks submitting either week", async () => {
    fixClock("2026-03-08T23:00:00Z");
    const org = await makeOrg();
    const token = org.member.token;
    expect((await api.start(token)).status).toBe(201);
    fixClock("2026-03-09T01:00:00Z");
    const sheets = await sheetsOf(token, org.member.id);
    const first = sheets.find((s) => s.weekStart === "2026-03-02")!;
    expect(first.duration).toBe(3600);
    expect((await api.submit(token, [first.id])).status).toBe(409);
  });
});
