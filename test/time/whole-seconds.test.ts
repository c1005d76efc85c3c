import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { rowsOf } from "@/db/sql";
import { POST as productivityAnalysis } from "@/app/v1/dashboard/productivity-analysis/route";
import { POST as weeklySummary } from "@/app/v1/dashboard/weekly-summary/route";
import { POST as proofOfWork } from "@/app/v1/proof-of-work/timesheet/route";
import { timeEntries } from "@/db/schema";
import { testDbKind } from "../db";
import { call, db, makeOrg } from "../helpers";
import { R, createTask, ms } from "../tracking/fixtures";
import { api, fixClock, resetClockAfterEach } from "../timesheet/fixtures";

// Instants are whole seconds: every write truncates to the second (and the database refuses
// anything else), so every family sums the same seconds at any grouping (issue 14).

resetClockAfterEach();

const dashBody = (userId: string) => ({ startDate: "2026-03-03 00:00:00", endDate: "2026-03-03 23:59:59", timeZone: "UTC", userId: [userId], teamId: [] });

async function everyFamily(org: Awaited<ReturnType<typeof makeOrg>>, taskId: string) {
  const token = org.member.token;
  const counts = await api.counts(token, { startDate: "2026-03-03", endDate: "2026-03-03" });
  const sheets = await api.listSheets(token, { employeeId: org.member.id });
  const chart = await api.chart(token, { startDate: "2026-03-03", endDate: "2026-03-03", groupBy: "date" });
  const tracks = await call(R.tracks.GET, "GET", "/v1/x", { token, params: { taskId } });
  const report = await call(R.taskTracksReport.GET, "GET", "/v1/x", { token: org.admin.token, params: { taskId } });
  const userReport = await call(R.userReport.GET, "GET", "/v1/x", {
    token: org.admin.token,
    params: { userId: org.member.id },
    query: { startDate: ms("2026-03-03T00:00:00Z"), endDate: ms("2026-03-03T23:59:59.999Z") },
  });
  const pa = await call(productivityAnalysis, "POST", "/v1/x", { token, body: dashBody(org.member.id) });
  const ws = await call(weeklySummary, "POST", "/v1/x", { token, body: dashBody(org.member.id) });
  const pw = await call(proofOfWork, "POST", "/v1/x", { token, body: { ...dashBody(org.member.id), offset: 1 } });
  for (const r of [counts, sheets, chart, tracks, report, userReport, pa, ws, pw]) expect(r.status, JSON.stringify(r.body)).toBe(200);
  // the dashboards answer their family's envelope (data or response) around the payload
  const payload = (b: any) => b.data ?? b.response ?? b;
  return {
    statistics: counts.body.weeklyDuration as number,
    today: counts.body.todayDuration as number,
    timesheet: sheets.body.items[0].duration as number,
    dailyChart: chart.body.items[0].duration as number,
    tracks: (tracks.body as Array<{ amount: number }>).reduce((s, t) => s + t.amount, 0) / 1000,
    taskReport: report.body.total / 1000,
    userReport: userReport.body.total / 1000,
    productivityAnalysis: payload(pa.body)[0].timeSummary.activeWorkedTimeInSeconds as number,
    weeklySummary: payload(ws.body).overallSummary.totalTimeSpendSeconds as number,
    proofOfWork: payload(pw.body).usersList[0].dailySummary[0].totalTimeSpendSeconds as number,
  };
}

const all = (n: number) => ({
  statistics: n,
  today: n,
  timesheet: n,
  dailyChart: n,
  tracks: n,
  taskReport: n,
  userReport: n,
  productivityAnalysis: n,
  weeklySummary: n,
  proofOfWork: n,
});

describe(`whole-second instants (${testDbKind()})`, () => {
  it("two entries of 1800.6 s read 3600 in every family; the stored instants are whole seconds", async () => {
    fixClock("2026-03-03T18:00:00Z");
    const org = await makeOrg();
    const token = org.member.token;
    const task = await createTask(token);
    const a = await call(R.tracks.POST, "POST", "/v1/x", {
      token,
      params: { taskId: task.id },
      body: { start: ms("2026-03-03T09:00:00.200Z"), end: ms("2026-03-03T09:30:00.800Z") },
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({ start: ms("2026-03-03T09:00:00Z"), end: ms("2026-03-03T09:30:00Z"), amount: 1800_000 });
    const b = await api.createLog(token, { startedAt: "2026-03-03T10:00:00.300Z", stoppedAt: "2026-03-03T10:30:00.900Z", taskId: task.id });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    expect(b.body).toMatchObject({ startedAt: "2026-03-03T10:00:00.000Z", stoppedAt: "2026-03-03T10:30:00.000Z", duration: 1800 });
    expect(await everyFamily(org, task.id)).toEqual(all(3600));

    // updates truncate too
    const moved = await api.updateLog(token, b.body.id, { stoppedAt: "2026-03-03T10:45:00.999Z" });
    expect(moved.body).toMatchObject({ stoppedAt: "2026-03-03T10:45:00.000Z", duration: 2700 });
  }, 120_000);

  it("a /v1 stop's amount is end − start, and a live timer reads the same in statistics and dashboards", async () => {
    const org = await makeOrg();
    const token = org.member.token;
    const task = await createTask(token);
    fixClock("2026-03-03T09:00:00.300Z");
    const started = await call(R.start.POST, "POST", "/v1/x", { token, params: { taskId: task.id } });
    expect(started.status).toBe(201);
    expect(started.body.start).toBe(ms("2026-03-03T09:00:00Z"));

    fixClock("2026-03-03T09:00:07.900Z");
    expect(await everyFamily(org, task.id)).toEqual(all(7));

    fixClock("2026-03-03T09:37:47.900Z");
    const stopped = await call(R.stop.POST, "POST", "/v1/x", { token, params: { taskId: task.id } });
    expect(stopped.status).toBe(200);
    expect(stopped.body.end).toBe(ms("2026-03-03T09:37:47Z"));
    expect(stopped.body.amount).toBe(stopped.body.end - stopped.body.start);
    expect(await everyFamily(org, task.id)).toEqual(all(2267));
  }, 120_000);

  it("the database refuses an instant that is not a whole second", async () => {
    const org = await makeOrg();
    const d = await db();
    const insert = (start: string, stop: string | null) =>
      d.execute(sql`insert into ${timeEntries} (organization_id, user_id, started_at, stopped_at)
        values (${org.id}, ${org.member.id}, ${start}::timestamptz, ${stop}::timestamptz)`);
    await expect(insert("2026-03-03T09:00:00.5Z", "2026-03-03T10:00:00Z")).rejects.toThrow();
    await expect(insert("2026-03-03T09:00:00Z", "2026-03-03T10:00:00.001Z")).rejects.toThrow();
    await expect(insert("2026-03-03T09:00:00.5Z", null)).rejects.toThrow();
    await insert("2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z");
  });
});

describe(`the whole-seconds migration (${testDbKind()})`, () => {
  it("truncates existing rows without overlaps, deletes sub-second entries, and the rollup triggers record the change", async () => {
    const org = await makeOrg();
    const d = await db();
    const file = readFileSync(join(process.cwd(), "drizzle/0006_whole_seconds_week_instants.sql"), "utf8");
    const statements = file
      .split("--> statement-breakpoint")
      .map((s) => s.trim())
      .filter((s) => /^(DELETE FROM|UPDATE) "time_entries"/m.test(s.replace(/^--.*$/gm, "").trim()));
    expect(statements).toHaveLength(3);
    const user = org.member.id;
    const rows = await d
      .transaction(async (tx) => {
        // the rows the migration meets: written before the CHECK existed
        await tx.execute(sql.raw(`alter table time_entries drop constraint time_entries_whole_seconds`));
        await tx.execute(sql`insert into time_entries (organization_id, user_id, started_at, stopped_at) values
          (${org.id}, ${user}, '2026-03-03T09:00:00.200Z', '2026-03-03T09:30:00.600Z'),
          (${org.id}, ${user}, '2026-03-03T09:30:00.600Z', '2026-03-03T10:00:00.400Z'),
          (${org.id}, ${user}, '2026-03-03T11:00:00.100Z', '2026-03-03T11:00:00.900Z'),
          (${org.id}, ${user}, '2026-03-03T12:00:00.700Z', null)`);
        const before = rowsOf<{ n: number | string }>(
          await tx.execute(sql`select coalesce(sum(version), 0) as n from dashboard_versions where organization_id = ${org.id} and user_id = ${user}`),
        )[0]!;
        for (const s of statements) await tx.execute(sql.raw(s.replace(/^--.*$/gm, "")));
        await tx.execute(sql.raw(`alter table time_entries add constraint time_entries_whole_seconds check (date_trunc('second', started_at) = started_at and (stopped_at is null or date_trunc('second', stopped_at) = stopped_at))`));
        const after = rowsOf<{ n: number | string }>(
          await tx.execute(sql`select coalesce(sum(version), 0) as n from dashboard_versions where organization_id = ${org.id} and user_id = ${user}`),
        )[0]!;
        expect(Number(after.n)).toBeGreaterThan(Number(before.n));
        const got = await tx
          .select({ s: timeEntries.startedAt, t: timeEntries.stoppedAt })
          .from(timeEntries)
          .where(and(eq(timeEntries.organizationId, org.id), eq(timeEntries.userId, user)))
          .orderBy(timeEntries.startedAt);
        throw new Rollback(got);
      })
      .catch((e: unknown) => {
        if (e instanceof Rollback) return e.rows;
        throw e;
      });
    expect(rows.map((r) => [r.s.toISOString(), r.t?.toISOString() ?? null])).toEqual([
      ["2026-03-03T09:00:00.000Z", "2026-03-03T09:30:00.000Z"],
      ["2026-03-03T09:30:00.000Z", "2026-03-03T10:00:00.000Z"],
      // 11:00:00.100–11:00:00.900 lasted 0 s once truncated: deleted
      ["2026-03-03T12:00:00.000Z", null],
    ]);
  }, 120_000);
});

class Rollback extends Error {
  constructor(readonly rows: Array<{ s: Date; t: Date | null }>) {
    super("rollback");
  }
}
