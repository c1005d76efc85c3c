import { afterEach, describe, it } from "vitest";
import fc from "fast-check";
import { teamMembers } from "@/db/schema";
import type { Caller } from "@/lib/auth/permissions";
import { setClock } from "@/base/clock";
import { authenticateAccessToken } from "@/lib/services/accounts";
import { productivityAnalysis, proofOfWork, weeklySummary } from "@/lib/services/dashboards";
import { addDaysToDate, dayStart, localDate, mondayOf } from "@/lib/time/zones";
import { dashboardBody, POW_MAX_PAGE_SIZE } from "@/lib/validation/dashboards";
import { loadOwnLogs, loadOwnSheet, loadTimerStatus } from "@/app/(app)/member-data";
import { buildWeekGrid, dayTotal } from "@/components/timesheets/week-grid";
import { weekRange } from "@/components/team/week";
import * as timeLogRoute from "@/app/api/timesheet/time-log/route";
import * as sheetsRoute from "@/app/api/timesheet/route";
import * as countsRoute from "@/app/api/timesheet/statistics/counts/route";
import * as chartRoute from "@/app/api/timesheet/time-log/report/daily-chart/route";
import * as activityBulkRoute from "@/app/api/timesheet/activity/bulk/route";
import * as timerStatusRoute from "@/app/api/timesheet/timer/status/route";
import * as rulesRoute from "@/app/v1/productivity-rules/route";
import * as paRoute from "@/app/v1/dashboard/productivity-analysis/route";
import * as wsRoute from "@/app/v1/dashboard/weekly-summary/route";
import * as powRoute from "@/app/v1/proof-of-work/timesheet/route";
import { testDbKind } from "../db";
import { addUser, call, db, makeOrg, type CallResult, type TestOrg, type TestUser } from "../helpers";
import { R, createProject, createTask } from "../tracking/fixtures";
import {
  Agreement,
  clipSeconds,
  dayBounds,
  dayRange,
  metrics,
  stored,
  weekOf,
  type AppName,
  type DayRange,
  type GenActivity,
  type GenEntry,
  type LogType,
  type Metrics,
  type Stored,
} from "./oracle";

// Issue 14, "one truth". Random entries of random users (sub-second instants, entries across
// local midnight, Monday 00:00 and DST changes, idle logs, zones from −12 to +14) are written
// through the real APIs (/api/timesheet time logs and /v1 time tracks), then read back through
// every family: /v1 tracks and reports, /api/timesheet logs, timesheets, statistics and daily
// chart, the three dashboards, and the server data of the web pages (/week, /today, /team).
// Every total of one user and range must equal the reference (oracle.ts: instants truncated
// to the second as every write stores them, clipped to the range) to the second, and both
// invariants (total = active + idle, active = productive + neutral + unproductive) hold on
// every row. A weekly sheet's total is the part of each entry inside its week (SPEC.md).
// A failure lists every quantity on which some family differs, with every family's value.
//
// FC_RUNS (default 15) and FC_SEED replay runs; FC_SHRINK=1 shrinks a failure (slow: every
// run builds a fresh organisation).

const ZONES = ["Etc/GMT+12", "America/Los_Angeles", "UTC", "Europe/Berlin", "Asia/Kolkata", "Pacific/Kiritimati"];
// Sundays of DST changes: US (8 Mar, 1 Nov) and EU (29 Mar, 25 Oct) 2026
const BASES = ["2026-03-08", "2026-03-29", "2026-10-25", "2026-11-01"];
const DST: Record<string, number[]> = {
  "Europe/Berlin": ["2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"].map(Date.parse),
  "America/Los_Angeles": ["2026-03-08T10:00:00Z", "2026-11-01T09:00:00Z"].map(Date.parse),
};
const APPS: AppName[] = ["Code", "Steam", "Slack"];
const DAY_MS = 86_400_000;
/** T0 and T1 in project P0, T2 in project P1. */
const PROJECT_OF = [0, 0, 1] as const;
const TASKS = PROJECT_OF.length;

const entryArb = fc.record({
  kind: fc.constantFrom("gap", "gap", "midnight", "week", "dst"),
  gapMs: fc.integer({ min: 0, max: 40_000_000 }),
  leadMs: fc.integer({ min: 1, max: 7_200_000 }),
  durMs: fc.integer({ min: 1000, max: 50_000_000 }),
  /** instants on whole seconds (the rest carry milliseconds) */
  whole: fc.boolean(),
  type: fc.constantFrom<LogType>("TRACKED", "MANUAL", "IDLE"),
  via: fc.constantFrom<"log" | "track">("log", "log", "track"),
  /** TASKS: no task (a track always has one) */
  task: fc.integer({ min: 0, max: TASKS }),
});
type EntryGen = typeof entryArb extends fc.Arbitrary<infer T> ? T : never;

const userArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  entries: fc.array(entryArb, { minLength: 1, maxLength: 7 }),
  activities: fc.array(
    fc.record({ app: fc.constantFrom(...APPS), at: fc.integer({ min: 0, max: 1_000_000 }), seconds: fc.integer({ min: 1, max: 7200 }) }),
    { maxLength: 10 },
  ),
  pickDay: fc.nat(),
  pickWeek: fc.nat(),
});
type UserGen = typeof userArb extends fc.Arbitrary<infer T> ? T : never;

const scenarioArb = fc.record({
  base: fc.constantFrom(...BASES),
  originMs: fc.integer({ min: 0, max: DAY_MS }),
  nowDelayMs: fc.integer({ min: 1000, max: 30 * 3_600_000 }),
  users: fc.array(userArb, { minLength: 1, maxLength: 3 }),
  teamViewer: fc.nat(),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

/** The next instant after `cursor` that the entry should cross, or null for a plain gap. */
function anchorAfter(kind: string, cursor: number, tz: string): { at: number; kind: string } | null {
  const midnight = { at: dayStart(addDaysToDate(localDate(new Date(cursor), tz), 1), tz).getTime(), kind: "midnight" };
  if (kind === "midnight") return midnight;
  if (kind === "week") {
    const at = dayStart(addDaysToDate(mondayOf(localDate(new Date(cursor), tz)), 7), tz).getTime();
    return at - cursor <= 4 * DAY_MS ? { at, kind: "week" } : midnight;
  }
  if (kind === "dst") {
    const at = DST[tz]?.find((t) => t > cursor && t - cursor <= 4 * DAY_MS);
    return at ? { at, kind: "dst" } : midnight;
  }
  return null;
}

/** Entries one after another from `origin` (a user's entries never overlap). */
function buildEntries(gens: EntryGen[], origin: number, tz: string): GenEntry[] {
  let cursor = origin;
  return gens.map((g) => {
    const anchor = anchorAfter(g.kind, cursor, tz);
    let start: number;
    let stop: number;
    if (anchor) {
      start = Math.max(cursor, anchor.at - g.leadMs);
      stop = anchor.at + 1000 + Math.floor(g.durMs / 3);
    } else {
      start = cursor + g.gapMs;
      stop = start + g.durMs;
    }
    if (g.whole) {
      start = Math.ceil(start / 1000) * 1000;
      stop = Math.max(start + 1000, Math.floor(stop / 1000) * 1000);
    }
    cursor = stop;
    const track = g.via === "track";
    return {
      startMs: start,
      stopMs: stop,
      type: track ? "MANUAL" : g.type,
      via: g.via,
      task: track ? g.task % TASKS : g.task === TASKS ? null : g.task,
      kind: anchor?.kind ?? "gap",
    };
  });
}

interface RunUser {
  n: number;
  gen: UserGen;
  tz: string;
  user: TestUser;
  caller: Caller;
  entries: GenEntry[];
  st: Stored[];
  acts: GenActivity[];
}

interface Run {
  org: TestOrg;
  nowMs: number;
  projects: string[];
  tasks: string[];
  users: RunUser[];
  agree: Agreement;
}

const iso = (ms: number) => new Date(ms).toISOString();
const sum = <T>(list: T[], f: (x: T) => number) => list.reduce((s, x) => s + f(x), 0);

/** A write or read the harness depends on: anything but the expected status is a harness error, not a disagreement. */
function ok<T = any>(res: CallResult<T>, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function setUp(s: Scenario): Promise<Run> {
  const origin = Date.parse(`${s.base}T00:00:00Z`) - 3 * DAY_MS + s.originMs;
  const plans = s.users.map((gen) => ({ gen, entries: buildEntries(gen.entries, origin, gen.zone) }));
  const lastStop = Math.max(...plans.flatMap((p) => p.entries.map((e) => e.stopMs)));
  const nowMs = lastStop + s.nowDelayMs;
  setClock(() => new Date(nowMs));

  const org = await makeOrg();
  const d = await db();
  await Promise.all(
    [
      { matchType: "APP", pattern: "code", classification: "PRODUCTIVE" },
      { matchType: "APP", pattern: "steam", classification: "UNPRODUCTIVE" },
    ].map(async (body) => ok(await call(rulesRoute.POST, "POST", "/v1/productivity-rules", { token: org.admin.token, body }), 201, "rule")),
  );
  const p0 = await createProject(org.admin.token, { name: "P0" });
  const p1 = await createProject(org.admin.token, { name: "P1" });
  const projects = [p0.id, p1.id];
  const tasks: string[] = [];
  for (const [i, p] of PROJECT_OF.entries()) tasks.push((await createTask(org.admin.token, { name: `T${i}`, projectId: projects[p] })).id);

  const users: RunUser[] = [];
  for (const [n, plan] of plans.entries()) {
    const user = await addUser(org.id, { timeZone: plan.gen.zone, firstName: `U${n}`, lastName: plan.gen.zone });
    await d.insert(teamMembers).values({ organizationId: org.id, teamId: org.teamId, userId: user.id, isManager: false });
    const caller = (await authenticateAccessToken(d, user.token))!;
    for (const e of plan.entries) {
      if (e.via === "track") {
        const taskId = tasks[e.task!]!;
        ok(await call(R.tracks.POST, "POST", `/v1/tasks/${taskId}/tracks`, { token: user.token, params: { taskId }, body: { start: e.startMs, end: e.stopMs } }), 201, "track");
      } else {
        const body = { startedAt: iso(e.startMs), stoppedAt: iso(e.stopMs), logType: e.type, ...(e.task === null ? {} : { taskId: tasks[e.task] }) };
        ok(await call(timeLogRoute.POST, "POST", "/api/timesheet/time-log", { token: user.token, body }), 201, "time log");
      }
    }
    const st = plan.entries.map(stored);
    const first = st[0]!.s;
    const last = st[st.length - 1]!.t;
    const acts: GenActivity[] = plan.gen.activities.map((a) => ({
      app: a.app,
      startMs: Math.floor((first + ((last - first) * a.at) / 1_000_000) / 1000) * 1000,
      seconds: a.seconds,
    }));
    if (acts.length > 0) {
      const activities = acts.map((a) => ({ type: "APP", name: a.app, startedAt: iso(a.startMs), duration: a.seconds }));
      ok(await call(activityBulkRoute.POST, "POST", "/api/timesheet/activity/bulk", { token: user.token, body: { activities } }), 200, "activities");
    }
    users.push({ n, gen: plan.gen, tz: plan.gen.zone, user, caller, entries: plan.entries, st, acts });
  }
  return { org, nowMs, projects, tasks, users, agree: new Agreement() };
}

interface DashMetricsRow {
  totalTimeSpendSeconds: number;
  activeTimeSpendSeconds: number;
  idleTimeSpendSeconds: number;
  productiveTimeSpendSeconds: number;
  neutralTimeSpendSeconds: number;
  unproductiveTimeSpendSeconds: number;
}
interface OverallRow {
  totalTimeSpendSeconds: number;
  totalActiveTimeSpendSeconds: number;
  totalIdleTimeSpendSeconds: number;
  totalProductiveTimeSpendSeconds: number;
  totalNeutralTimeSpendSeconds: number;
  totalUnproductiveTimeSpendSeconds: number;
}
const fromDaily = (m: DashMetricsRow | undefined): Metrics => ({
  total: m?.totalTimeSpendSeconds ?? 0,
  active: m?.activeTimeSpendSeconds ?? 0,
  idle: m?.idleTimeSpendSeconds ?? 0,
  productive: m?.productiveTimeSpendSeconds ?? 0,
  unproductive: m?.unproductiveTimeSpendSeconds ?? 0,
  neutral: m?.neutralTimeSpendSeconds ?? 0,
});
const fromOverall = (o: OverallRow): Metrics => ({
  total: o.totalTimeSpendSeconds,
  active: o.totalActiveTimeSpendSeconds,
  idle: o.totalIdleTimeSpendSeconds,
  productive: o.totalProductiveTimeSpendSeconds,
  unproductive: o.totalUnproductiveTimeSpendSeconds,
  neutral: o.totalNeutralTimeSpendSeconds,
});
const addM = (a: Metrics, b: Metrics): Metrics => ({
  total: a.total + b.total,
  active: a.active + b.active,
  idle: a.idle + b.idle,
  productive: a.productive + b.productive,
  unproductive: a.unproductive + b.unproductive,
  neutral: a.neutral + b.neutral,
});
const ZERO: Metrics = { total: 0, active: 0, idle: 0, productive: 0, unproductive: 0, neutral: 0 };
const METRIC_KEYS = ["total", "active", "idle", "productive", "unproductive", "neutral"] as const;

/** Both invariants on one row of any family that has the fields. */
function invariants(agree: Agreement, label: string, m: Metrics): void {
  agree.holds(label, m.total === m.active + m.idle, `total ${m.total} ≠ active ${m.active} + idle ${m.idle}`);
  agree.holds(
    label,
    m.active === m.productive + m.neutral + m.unproductive,
    `active ${m.active} ≠ productive ${m.productive} + neutral ${m.neutral} + unproductive ${m.unproductive}`,
  );
  agree.holds(label, METRIC_KEYS.every((k) => m[k] >= 0), `a negative part: ${JSON.stringify(m)}`);
}

/** Records every metric of a reference against the families that answer it. */
function sameMetrics(agree: Agreement, label: string, ref: Metrics, got: Record<string, Partial<Metrics>>): void {
  for (const k of METRIC_KEYS) {
    const values: Record<string, number | undefined> = {};
    for (const [f, m] of Object.entries(got)) if (k in m) values[f] = m[k];
    if (Object.keys(values).length > 0) agree.same(`${label} ${k}`, ref[k], values);
  }
}

const projectOf = (e: Stored) => (e.task === null ? null : PROJECT_OF[e.task]!);

/** Every family for one user and one range of whole local days in the user's zone. */
async function readRange(run: Run, u: RunUser, r: DayRange): Promise<void> {
  const { agree } = run;
  const token = u.user.token;
  const tag = `U${u.n} (${u.tz}) ${r.name} ${r.firstDay}..${r.lastDay}`;
  const range = { startDate: r.firstDay, endDate: r.lastDay, timeZone: u.tz, employeeId: u.user.id };
  const ref = metrics(u.st, u.acts, r.lo, r.hi);
  const inRange = u.st.filter((e) => e.s < r.hi && e.t > r.lo);

  // /api/timesheet/time-log: the logs meeting the range, clipped by the reader
  const logs = ok(await call(timeLogRoute.GET, "GET", "/api/timesheet/time-log", { token, query: { ...range, limit: 100 } }), 200, "time logs");
  type Log = { startedAt: string; stoppedAt: string; duration: number; logType: string; projectId: string | null };
  const items = logs.items as Log[];
  const clipLogs = (list: Log[]) => sum(list, (l) => Math.max(0, Math.min(Date.parse(l.stoppedAt), r.hi) - Math.max(Date.parse(l.startedAt), r.lo))) / 1000;
  agree.same(`${tag} number of logs`, inRange.length, { "time-log list": items.length });
  agree.same(`${tag} sum of whole log durations`, sum(inRange, (e) => (e.t - e.s) / 1000), { "time-log duration": sum(items, (l) => l.duration) });

  // the web pages' server data (/week and /today read the same services)
  const pageLogs = await loadOwnLogs(await db(), u.caller, r.firstDay, r.lastDay);
  const perDayPage = new Map(r.days.map((day) => [day, dayTotal(pageLogs, day, u.tz, run.nowMs)]));
  const grid = r.name.startsWith("week") ? buildWeekGrid(pageLogs, { weekStart: r.firstDay, timeZone: u.tz, nowMs: run.nowMs }) : null;

  // statistics and daily chart
  const counts = ok(await call(countsRoute.GET, "GET", "/api/timesheet/statistics/counts", { token, query: range }), 200, "statistics");
  const chart = ok(await call(chartRoute.GET, "GET", "/api/timesheet/time-log/report/daily-chart", { token, query: { ...range, groupBy: "project" } }), 200, "daily chart");
  type ChartDay = { day: string; duration: number; groups: Array<{ id: string | null; duration: number }> };
  const chartDays = chart.items as ChartDay[];
  for (const c of chartDays) agree.holds(`${tag} daily-chart ${c.day}`, c.duration === sum(c.groups, (g) => g.duration), `day ${c.duration} ≠ sum of its groups`);

  // the three dashboards, over the same whole days
  const body = { startDate: `${r.firstDay} 00:00:00`, endDate: `${r.lastDay} 23:59:59`, timeZone: u.tz, userId: [u.user.id], teamId: [] };
  const pa = ok(await call(paRoute.POST, "POST", "/v1/dashboard/productivity-analysis", { token, body }), 200, "productivity-analysis");
  const ws = ok(await call(wsRoute.POST, "POST", "/v1/dashboard/weekly-summary", { token, body }), 200, "weekly-summary");
  const pow = ok(await call(powRoute.POST, "POST", "/v1/proof-of-work/timesheet", { token, body: { ...body, offset: 1 } }), 200, "proof-of-work");
  const ts = pa.data[0].timeSummary;
  const paM = { active: ts.activeWorkedTimeInSeconds, productive: ts.productiveWorkedTimeInSeconds, unproductive: ts.unproductiveWorkedTimeInSeconds, neutral: ts.neutralWorkedTimeInSeconds };
  agree.holds(`${tag} productivity-analysis`, paM.active === paM.productive + paM.neutral + paM.unproductive, `active ≠ sum of parts: ${JSON.stringify(paM)}`);
  const wsDays = new Map<string, Metrics>();
  for (const row of ws.data.breakdownSummary as Array<{ date: string; metrics: DashMetricsRow }>) {
    const m = fromDaily(row.metrics);
    invariants(agree, `${tag} weekly-summary ${row.date.slice(0, 10)}`, m);
    wsDays.set(row.date.slice(0, 10), m);
  }
  const wsOverall = fromOverall(ws.data.overallSummary);
  invariants(agree, `${tag} weekly-summary overall`, wsOverall);
  const powUser = pow.response.usersList[0] as { dailySummary: Array<DashMetricsRow & { date: string }>; overallSummary: OverallRow };
  const powDays = new Map<string, Metrics>();
  for (const row of powUser.dailySummary) {
    const m = fromDaily(row);
    invariants(agree, `${tag} proof-of-work ${row.date.slice(0, 10)}`, m);
    powDays.set(row.date.slice(0, 10), m);
  }
  const powM = fromOverall(powUser.overallSummary);
  invariants(agree, `${tag} proof-of-work overall`, powM);
  const wsInRange = r.days.reduce((m, day) => addM(m, wsDays.get(day) ?? ZERO), ZERO);

  // whole weeks of weekly-summary against the reference over those weeks
  const weeks = dayRange("weeks", mondayOf(r.firstDay), addDaysToDate(mondayOf(r.lastDay), 6), u.tz);
  sameMetrics(agree, `${tag} (its whole weeks ${weeks.firstDay}..${weeks.lastDay})`, metrics(u.st, u.acts, weeks.lo, weeks.hi), { "weekly-summary overall": wsOverall });

  // /v1 user report (admins; at most 7 days a request, so longer ranges are asked in pieces)
  let reportTotal = 0;
  const reportByProject = new Map<string | null, number>();
  for (let lo = r.lo; lo < r.hi; lo += 7 * DAY_MS) {
    const hi = Math.min(r.hi, lo + 7 * DAY_MS);
    const rep = ok(
      await call(R.userReport.GET, "GET", `/v1/reports/users/${u.user.id}`, { token: run.org.admin.token, params: { userId: u.user.id }, query: { startDate: lo, endDate: hi - 1 } }),
      200,
      "user report",
    );
    reportTotal += rep.total / 1000;
    agree.holds(`${tag} /v1 user report`, rep.total === sum(rep.projects as Array<{ total: number }>, (p) => p.total), "total ≠ sum of its projects");
    for (const p of rep.projects as Array<{ projectId: string | null; total: number }>) reportByProject.set(p.projectId, (reportByProject.get(p.projectId) ?? 0) + p.total / 1000);
  }

  // the range's totals, every family
  sameMetrics(agree, tag, ref, {
    "time-log list (clipped)": { total: clipLogs(items) },
    "page loadOwnLogs (day totals)": { total: sum([...perDayPage.values()], (x) => x) },
    ...(grid ? { "page /week grid": { total: grid.total } } : {}),
    "statistics weeklyDuration": { total: counts.weeklyDuration },
    "daily-chart": { total: sum(chartDays, (c) => c.duration) },
    "/v1 user report": { total: reportTotal },
    "productivity-analysis": paM,
    "weekly-summary (days of range)": wsInRange,
    "proof-of-work": powM,
  });

  // day by day
  for (const [i, day] of r.days.entries()) {
    const [lo, hi] = dayBounds(day, u.tz);
    sameMetrics(agree, `${tag} day ${day}`, metrics(u.st, u.acts, lo, hi), {
      "daily-chart": { total: chartDays.find((c) => c.day === day)?.duration },
      "page loadOwnLogs (day total)": { total: perDayPage.get(day) },
      ...(grid ? { "page /week grid": { total: grid.dayTotals[i] } } : {}),
      "weekly-summary": wsDays.get(day) ?? ZERO,
      "proof-of-work": powDays.get(day) ?? ZERO,
    });
  }

  // per project (null: entries without one)
  for (const p of [null, 0, 1] as const) {
    const pid = p === null ? null : run.projects[p]!;
    const refP = clipSeconds(u.st.filter((e) => projectOf(e) === p), r.lo, r.hi);
    agree.same(`${tag} project ${p === null ? "none" : `P${p}`}`, refP, {
      "daily-chart groups": sum(chartDays, (c) => c.groups.find((g) => g.id === pid)?.duration ?? 0),
      "/v1 user report": reportByProject.get(pid) ?? 0,
      "time-log list (clipped)": clipLogs(items.filter((l) => l.projectId === pid)),
    });
  }

  // the week's sheet: the part of each entry inside the week, by log type too
  if (r.name.startsWith("week")) {
    const sheets = ok(await call(sheetsRoute.GET, "GET", "/api/timesheet", { token, query: range }), 200, "timesheets");
    type Sheet = { weekStart: string; employeeId: string; duration: number; durationByLogType: Record<string, number> };
    const sheet = (sheets.items as Sheet[]).find((s) => s.weekStart === r.firstDay && s.employeeId === u.user.id);
    const own = await loadOwnSheet(await db(), u.caller, r.firstDay);
    agree.holds(`${tag} sheet`, !!sheet && !!own, "no sheet for a week holding the start of an entry");
    for (const t of ["ALL", "TRACKED", "MANUAL", "IDLE"] as const) {
      const pick = (s: Sheet | null | undefined) => (s ? (t === "ALL" ? s.duration : s.durationByLogType[t]) : undefined);
      agree.same(`${tag} sheet ${t === "ALL" ? "duration" : t}`, clipSeconds(u.st.filter((e) => t === "ALL" || e.type === t), r.lo, r.hi), {
        "/api/timesheet sheet": pick(sheet),
        "page loadOwnSheet": pick(own as Sheet | null),
        ...(t === "ALL" && grid ? { "page /week grid": grid.total } : {}),
      });
    }
  }
}

/** Once per user: every sheet, /v1 tracks per task, and today's totals. */
async function readUser(run: Run, u: RunUser): Promise<void> {
  const { agree } = run;
  const token = u.user.token;
  const tag = `U${u.n} (${u.tz})`;

  // every sheet of the user: the part of each entry inside the sheet's week
  const sheets = ok(await call(sheetsRoute.GET, "GET", "/api/timesheet", { token, query: { employeeId: u.user.id, limit: 100 } }), 200, "timesheets");
  type Sheet = { weekStart: string; duration: number; durationByLogType: Record<string, number> };
  for (const s of sheets.items as Sheet[]) {
    agree.holds(`${tag} sheet ${s.weekStart}`, s.duration === sum(Object.values(s.durationByLogType), (x) => x), `duration ${s.duration} ≠ sum by log type ${JSON.stringify(s.durationByLogType)}`);
    const w = dayRange("sheet", s.weekStart, addDaysToDate(s.weekStart, 6), u.tz);
    agree.same(`${tag} sheet of week ${s.weekStart}`, clipSeconds(u.st, w.lo, w.hi), { "/api/timesheet sheet": s.duration });
  }
  for (const e of u.st) {
    const monday = mondayOf(localDate(new Date(e.s), u.tz));
    agree.holds(`${tag} sheets`, (sheets.items as Sheet[]).some((s) => s.weekStart === monday), `no sheet for the week ${monday} where an entry starts`);
  }

  // /v1 tracks of each task (a member reads their own)
  for (const [k, taskId] of run.tasks.entries()) {
    const tracks = ok(await call(R.tracks.GET, "GET", `/v1/tasks/${taskId}/tracks`, { token, params: { taskId }, query: { limit: 100 } }), 200, "tracks");
    type Track = { userId: string; start: number; end: number; amount: number };
    const mine = (tracks as Track[]).filter((t) => t.userId === u.user.id);
    const refK = u.st.filter((e) => e.task === k);
    agree.same(`${tag} /v1 tracks of T${k}: count`, refK.length, { "/v1 tracks": mine.length });
    agree.same(`${tag} /v1 tracks of T${k}: seconds`, sum(refK, (e) => (e.t - e.s) / 1000), {
      "/v1 tracks amount": sum(mine, (t) => t.amount) / 1000,
      "/v1 tracks end−start": sum(mine, (t) => t.end - t.start) / 1000,
    });
  }

  // today (the clock is set just after the last entry): statistics, timer status, /today
  const today = localDate(new Date(run.nowMs), u.tz);
  const [lo, hi] = dayBounds(today, u.tz);
  const counts = ok(await call(countsRoute.GET, "GET", "/api/timesheet/statistics/counts", { token, query: { timeZone: u.tz, employeeId: u.user.id } }), 200, "statistics today");
  const status = ok(await call(timerStatusRoute.GET, "GET", "/api/timesheet/timer/status", { token, query: { timeZone: u.tz } }), 200, "timer status");
  const page = await loadTimerStatus(await db(), u.caller);
  const todayLogs = await loadOwnLogs(await db(), u.caller, today, today);
  agree.holds(`${tag} timer`, page.running === null && status.running === false, "a timer runs although none was started");
  agree.same(`${tag} today ${today}`, clipSeconds(u.st, lo, Math.min(hi, run.nowMs)), {
    "statistics todayDuration": counts.todayDuration,
    "timer/status todayDuration": status.todayDuration,
    "page /today (dayTotal)": dayTotal(todayLogs, today, u.tz, run.nowMs),
  });
  // the default range of statistics: the current Monday-to-Sunday week
  const week = weekOf(run.nowMs, u.tz);
  agree.same(`${tag} current week ${week.firstDay}`, clipSeconds(u.st, week.lo, week.hi), { "statistics weeklyDuration (default week)": counts.weeklyDuration });
}

/** Once per run: the task and project reports (admin) over all users. */
async function readReports(run: Run): Promise<void> {
  const { agree } = run;
  const token = run.org.admin.token;
  const all = run.users.flatMap((u) => u.st.map((e) => ({ ...e, userId: u.user.id })));
  const secs = (list: Stored[]) => sum(list, (e) => (e.t - e.s) / 1000);
  for (const [k, taskId] of run.tasks.entries()) {
    const tracks = ok(await call(R.taskTracksReport.GET, "GET", "/r", { token, params: { taskId } }), 200, "task tracks report");
    const users = ok(await call(R.taskUsersReport.GET, "GET", "/r", { token, params: { taskId } }), 200, "task users report");
    const onTask = all.filter((e) => e.task === k);
    agree.same(`T${k} total (all users)`, secs(onTask), {
      "/v1 reports/tasks/tracks": tracks.total / 1000,
      "/v1 reports/tasks/tracks (sum of tracks)": sum(tracks.tracks as Array<{ amount: number }>, (t) => t.amount) / 1000,
      "/v1 reports/tasks/users": users.total / 1000,
    });
    for (const u of run.users) {
      agree.same(`U${u.n} T${k} total`, secs(onTask.filter((e) => e.userId === u.user.id)), {
        "/v1 reports/tasks/users row": ((users.users as Array<{ userId: string; total: number }>).find((x) => x.userId === u.user.id)?.total ?? 0) / 1000,
      });
    }
  }
  for (const [p, projectId] of run.projects.entries()) {
    const byUser = ok(await call(R.projectUsersReport.GET, "GET", "/r", { token, params: { projectId } }), 200, "project users report");
    const byTask = ok(await call(R.projectTasksReport.GET, "GET", "/r", { token, params: { projectId } }), 200, "project tasks report");
    const inP = all.filter((e) => e.task !== null && PROJECT_OF[e.task] === p);
    agree.same(`P${p} total`, secs(inP), { "/v1 reports/projects/users": byUser.total / 1000, "/v1 reports/projects/tasks": byTask.total / 1000 });
    for (const u of run.users) {
      agree.same(`U${u.n} P${p} total`, secs(inP.filter((e) => e.userId === u.user.id)), {
        "/v1 reports/projects/users row": ((byUser.users as Array<{ userId: string; total: number }>).find((x) => x.userId === u.user.id)?.total ?? 0) / 1000,
      });
    }
    for (const [k] of run.tasks.entries()) {
      if (PROJECT_OF[k] !== p) continue;
      agree.same(`P${p} T${k} total`, secs(inP.filter((e) => e.task === k)), {
        "/v1 reports/projects/tasks row": ((byTask.tasks as Array<{ taskId: string; total: number }>).find((x) => x.taskId === run.tasks[k])?.total ?? 0) / 1000,
      });
    }
  }
}

/** The /team page's server data: the three dashboard services over one week of the team, read by its manager. */
async function readTeamPage(run: Run, viewer: number): Promise<void> {
  const { agree } = run;
  const anchor = run.users[viewer % run.users.length]!;
  const tz = anchor.tz;
  const week = mondayOf(localDate(new Date(anchor.st[0]!.s), tz));
  const manager = (await authenticateAccessToken(await db(), run.org.manager.token))!;
  const input = dashboardBody.parse({ ...weekRange(week), timeZone: tz, userId: [], teamId: [run.org.teamId] });
  const d = await db();
  const [summary, analysis, pow] = await Promise.all([
    weeklySummary(d, manager, input),
    productivityAnalysis(d, manager, input),
    proofOfWork(d, manager, { ...input, offset: 1, limit: POW_MAX_PAGE_SIZE }),
  ]);
  const w = dayRange("team", week, addDaysToDate(week, 6), tz);
  const tag = `team page week ${week} (${tz})`;
  const refOf = (u: RunUser, lo: number, hi: number) => metrics(u.st, u.acts, lo, hi);
  const ref = run.users.reduce((m, u) => addM(m, refOf(u, w.lo, w.hi)), ZERO);
  const overall = fromOverall(summary.overallSummary);
  invariants(agree, `${tag} weekly-summary overall`, overall);
  const powAll = pow.usersList.reduce((m, x) => addM(m, fromOverall(x.overallSummary)), ZERO);
  const paAll = analysis.reduce(
    (m, x) => ({
      active: m.active + x.timeSummary.activeWorkedTimeInSeconds,
      productive: m.productive + x.timeSummary.productiveWorkedTimeInSeconds,
      unproductive: m.unproductive + x.timeSummary.unproductiveWorkedTimeInSeconds,
      neutral: m.neutral + x.timeSummary.neutralWorkedTimeInSeconds,
    }),
    { active: 0, productive: 0, unproductive: 0, neutral: 0 },
  );
  sameMetrics(agree, tag, ref, { "team weekly-summary": overall, "team proof-of-work": powAll, "team productivity-analysis": paAll });
  for (const [i, row] of summary.breakdownSummary.entries()) {
    const m = fromDaily(row.metrics);
    invariants(agree, `${tag} weekly-summary ${row.date.slice(0, 10)}`, m);
    const [lo, hi] = dayBounds(w.days[i]!, tz);
    agree.same(`${tag} day ${w.days[i]} total`, run.users.reduce((s, u) => s + refOf(u, lo, hi).total, 0), { "team weekly-summary": m.total });
  }
  for (const u of run.users) {
    const r = refOf(u, w.lo, w.hi);
    const a = analysis.find((x) => x.user.userId === u.user.id)?.timeSummary;
    const p = pow.usersList.find((x) => x.user.userId === u.user.id);
    for (const row of p?.dailySummary ?? []) invariants(agree, `${tag} U${u.n} proof-of-work ${row.date.slice(0, 10)}`, fromDaily(row));
    agree.same(`${tag} U${u.n} active`, r.active, { "team productivity-analysis row": a?.activeWorkedTimeInSeconds, "team proof-of-work row": p?.overallSummary.totalActiveTimeSpendSeconds });
    agree.same(`${tag} U${u.n} total`, r.total, { "team proof-of-work row": p?.overallSummary.totalTimeSpendSeconds });
  }
}

function describeScenario(run: Run): string {
  return run.users
    .map(
      (u) =>
        `U${u.n} ${u.tz}: ` +
        u.entries.map((e) => `[${iso(e.startMs)} – ${iso(e.stopMs)} ${e.type} via ${e.via}${e.task === null ? "" : ` T${e.task}`} (${e.kind})]`).join(", "),
    )
    .join("\n");
}

afterEach(() => setClock(null));

describe(`one truth across the families (${testDbKind()})`, () => {
  it("every family answers the same whole seconds for the same user and range, and every row keeps both invariants", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const run = await setUp(s);
        for (const u of run.users) {
          const day = localDate(new Date(u.st[u.gen.pickDay % u.st.length]!.s), u.tz);
          const first = u.st[0]!;
          const last = u.st[u.st.length - 1]!;
          const ranges = [
            dayRange("day", day, day, u.tz),
            weekOf(u.st[u.gen.pickWeek % u.st.length]!.s, u.tz),
            dayRange("span", localDate(new Date(first.s), u.tz), localDate(new Date(last.t - 1), u.tz), u.tz),
          ];
          for (const r of ranges) await readRange(run, u, r);
          await readUser(run, u);
        }
        await readReports(run);
        await readTeamPage(run, s.teamViewer);
        const report = run.agree.report();
        if (report) throw new Error(`${report}\nentries (as sent; stored truncated to the second):\n${describeScenario(run)}`);
      }),
      {
        numRuns: Number(process.env.FC_RUNS ?? 15),
        ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}),
        endOnFailure: process.env.FC_SHRINK !== "1",
      },
    );
  }, 600_000);
});
