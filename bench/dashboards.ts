// Benchmark of the three dashboard endpoints on a generated organisation (issue 7, "Speed").
//
//   createdb timebase_bench
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/timebase_bench npx tsx bench/dashboards.ts [flags]
//
// Flags: --users N (200) --days D (90) --activities A per user-day (280) --quick (20 users, 14 days)
//        --runs R (15) --cold-runs C (5) --explain (EXPLAIN (ANALYZE, BUFFERS) of each bare query) --regen (rebuild the data)
//
// For every scenario it times the bare SQL the service runs (the same statement in the same
// JIT-less transaction, users already resolved), the service function (access checks, audience, SQL, shaping) and the route handler
// (a real Request with a bearer token: auth, zod, envelope), and reports p50 / p95 and the
// ratio to the bare SQL from the same run, twice: cold (the rollup cache of the organisation
// emptied before each call, so every user-day is computed from the rows) and warm (whole past
// days read from the cache). The data is generated once per size and reused.

import { parseArgs } from "node:util";
import { sql, type SQL } from "drizzle-orm";
import { openDatabase, setDbHandle, type Db } from "@/db/client";
import { rowsOf } from "@/db/sql";
import type { Caller } from "@/lib/auth/permissions";
import { createSession } from "@/lib/services/accounts";
import { seedDefaultProductivityRules } from "@/lib/services/activity";
import { type MetricsRange, productivityAnalysis, productivityAnalysisSql, weeklySummary, weeklySummarySql, weeksOf, proofOfWork, proofOfWorkSql, selectAudience, runMetricsSql } from "@/lib/services/dashboards";
import { POST as productivityRoute } from "@/app/v1/dashboard/productivity-analysis/route";
import { POST as weeklyRoute } from "@/app/v1/dashboard/weekly-summary/route";
import { POST as proofRoute } from "@/app/v1/proof-of-work/timesheet/route";
import { addDaysToDate } from "@/lib/time/zones";
import { setClock } from "@/base/clock";

const { values: flags } = parseArgs({
  options: {
    users: { type: "string" },
    days: { type: "string" },
    activities: { type: "string" },
    quick: { type: "boolean", default: false },
    runs: { type: "string" },
    "cold-runs": { type: "string" },
    explain: { type: "boolean", default: false },
    regen: { type: "boolean", default: false },
  },
});

const USERS = Number(flags.users ?? (flags.quick ? 20 : 200));
const DAYS = Number(flags.days ?? (flags.quick ? 14 : 90));
const PER_DAY = Number(flags.activities ?? 280);
const RUNS = Number(flags.runs ?? (flags.quick ? 10 : 15));
const COLD_RUNS = Number(flags["cold-runs"] ?? 5);
const TZ = "Europe/Berlin";
const FIRST_DAY = "2025-10-06"; // a Monday
const TEAM_SIZE = 10;

const APP_NAMES = ["Code", "IntelliJ IDEA", "iTerm2", "Terminal", "Slack", "Zoom", "Microsoft Teams", "Figma", "Postman", "Finder", "Spotify", "Steam", "Notion", "Mail", "Calendar"];
const HOSTS = [
  "github.com", "gist.github.com", "gitlab.com", "stackoverflow.com", "docs.google.com", "mail.google.com", "acme.atlassian.net",
  "www.youtube.com", "m.youtube.com", "www.reddit.com", "twitter.com", "news.ycombinator.com", "developer.mozilla.org",
  "www.netflix.com", "linear.app", "vercel.com", "en.wikipedia.org", "www.google.com", "chat.openai.com", "www.amazon.com",
];
const ZONES = [["Europe/Berlin", -1], ["Asia/Kolkata", -5.5], ["America/New_York", 5]] as const;

const lit = (list: readonly string[]) => sql.raw(`array[${list.map((s) => `'${s.replace(/'/g, "''")}'`).join(",")}]::text[]`);

interface Bench {
  orgId: string;
  adminId: string;
  teamIds: string[];
}

async function findOrCreate(db: Db): Promise<Bench> {
  const name = `bench ${USERS}x${DAYS}x${PER_DAY}`;
  const [existing] = rowsOf<{ id: string; description: string | null }>(await db.execute(sql`select id, description from organizations where name = ${name}`));
  if (existing && existing.description === "complete" && !flags.regen) {
    console.log(`reusing ${name}`);
    return loadBench(db, existing.id);
  }
  if (existing) await db.execute(sql`delete from organizations where id = ${existing.id}`);
  const t0 = performance.now();
  const [org] = rowsOf<{ id: string }>(await db.execute(sql`insert into organizations (name, default_time_zone) values (${name}, ${TZ}) returning id`));
  const orgId = org!.id;
  await db.execute(sql`select setseed(0.42)`);
  await db.execute(sql`
    insert into users (organization_id, email, first_name, last_name, role, time_zone)
    select ${orgId}::uuid, 'admin@bench.test', 'Ada', 'Admin', 'admin'::user_role, ${TZ}::text
    union all
    select ${orgId}::uuid, 'user' || i || '@bench.test', 'User', lpad(i::text, 4, '0'),
           'member'::user_role, (${lit(ZONES.map((z) => z[0]))})[1 + i % ${ZONES.length}]
    from generate_series(1, ${USERS}) i`);
  await db.execute(sql`
    insert into teams (organization_id, name)
    select ${orgId}, 'Team ' || t from generate_series(1, ${Math.ceil(USERS / TEAM_SIZE)}) t`);
  await db.execute(sql`
    insert into team_members (organization_id, team_id, user_id, is_manager)
    select ${orgId}, t.id, u.id, (u.n - 1) % ${TEAM_SIZE} = 0
    from (select id, row_number() over (order by last_name) as n from users where organization_id = ${orgId} and role = 'member') u
    join (select id, row_number() over (order by name) as n from teams where organization_id = ${orgId}) t on t.n = (u.n - 1) / ${TEAM_SIZE} + 1`);
  await seedDefaultProductivityRules(db, orgId);
  // a few team overrides, so the classification takes its team path too
  await db.execute(sql`
    insert into productivity_rules (organization_id, team_id, match_type, pattern, classification)
    select ${orgId}, id, 'DOMAIN', 'youtube.com', 'PRODUCTIVE' from teams where organization_id = ${orgId} order by name limit 3`);

  // One row per user and day: when work starts (08:00 local, roughly, ± 40 minutes).
  await db.execute(sql`drop table if exists bench_work`);
  await db.execute(sql`
    create unlogged table bench_work as
    select u.id as user_id, d.n as day_no,
           (${FIRST_DAY}::date + d.n)::timestamp at time zone 'UTC'
             + make_interval(secs => (8 + (array[-1, -5.5, 5])[1 + u.n % 3]) * 3600 + floor(random() * 4800) - 2400) as ws
    from (select id, row_number() over (order by last_name) as n from users where organization_id = ${orgId} and role = 'member') u
    cross join generate_series(0, ${DAYS - 1}) as d(n)`);
  // Six entries a day: four tracked blocks, two idle pieces, a lunch break.
  await db.execute(sql`
    insert into time_entries (organization_id, user_id, started_at, stopped_at, log_type, source)
    select ${orgId}, w.user_id, w.ws + b.s * interval '1 minute', w.ws + b.t * interval '1 minute', b.kind::log_type, 'DESKTOP'
    from bench_work w
    cross join (values (0, 120, 'TRACKED'), (120, 135, 'IDLE'), (135, 240, 'TRACKED'), (285, 420, 'TRACKED'), (420, 440, 'IDLE'), (440, 540, 'TRACKED')) as b(s, t, kind)`);
  // Activities: PER_DAY a day spread over the nine hours, some overlapping, some in gaps.
  const spacing = Math.floor((9 * 3600) / PER_DAY);
  const names = [...APP_NAMES, ...HOSTS];
  const chunk = Math.max(1, Math.floor(200_000 / (PER_DAY * DAYS)));
  const userIds = rowsOf<{ user_id: string }>(await db.execute(sql`select distinct user_id from bench_work order by user_id`)).map((r) => r.user_id);
  for (let i = 0; i < userIds.length; i += chunk) {
    const batch = userIds.slice(i, i + chunk);
    await db.execute(sql`
      insert into activities (organization_id, user_id, type, name, started_at, duration)
      select ${orgId}, w.user_id, (case when strpos(n.name, '.') > 0 then 'URL' else 'APP' end)::activity_type, n.name,
             w.ws + make_interval(secs => k * ${spacing} + floor(random() * ${spacing / 4})), (${spacing / 3} + floor(random() * ${spacing}))::int
      from bench_work w
      cross join generate_series(0, ${PER_DAY - 1}) as k
      cross join lateral (select (${lit(names)})[1 + floor(random() * ${names.length} + k * 0)::int] as name) n
      where w.user_id = any(${`{${batch.join(",")}}`}::uuid[])`);
    process.stdout.write(`\r  activities: ${Math.min(i + chunk, userIds.length)}/${userIds.length} users`);
  }
  process.stdout.write("\n");
  await db.execute(sql`drop table bench_work`);
  await db.execute(sql`vacuum analyze activities`);
  await db.execute(sql`vacuum analyze time_entries`);
  await db.execute(sql`analyze users`);
  await db.execute(sql`analyze team_members`);
  await db.execute(sql`analyze productivity_rules`);
  await db.execute(sql`update organizations set description = 'complete' where id = ${orgId}`);
  console.log(`generated ${name} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return loadBench(db, orgId);
}

async function loadBench(db: Db, orgId: string): Promise<Bench> {
  const [admin] = rowsOf<{ id: string }>(await db.execute(sql`select id from users where organization_id = ${orgId} and role = 'admin'`));
  const teams = rowsOf<{ id: string }>(await db.execute(sql`select id from teams where organization_id = ${orgId} order by name`));
  return { orgId, adminId: admin!.id, teamIds: teams.map((t) => t.id) };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

interface Timing { p50: number; p95: number }

/** p50 / p95 of `runs` timed calls; `before` runs untimed ahead of each (cold runs empty the cache). */
async function time(fn: () => Promise<unknown>, runs: number, before?: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 2; i++) {
    await before?.();
    await fn();
  }
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: pct(ms, 50), p95: pct(ms, 95) };
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to a PostgreSQL database (e.g. postgres://postgres@127.0.0.1:5432/timebase_bench)");
  const handle = await openDatabase({ url, migrate: true, poolMax: 4 });
  setDbHandle(handle);
  const db = handle.db;
  try {
    const bench = await findOrCreate(db);
    const [counts] = rowsOf<{ entries: string; activities: string }>(
      await db.execute(sql`select (select count(*) from time_entries where organization_id = ${bench.orgId}) as entries,
                                  (select count(*) from activities where organization_id = ${bench.orgId}) as activities`),
    );
    console.log(`organisation: ${USERS} users × ${DAYS} days, ${counts!.entries} entries, ${counts!.activities} activities; ${COLD_RUNS} cold and ${RUNS} warm runs each\n`);

    const caller: Caller = {
      orgId: bench.orgId, userId: bench.adminId, role: "admin", isSuperUser: false, isManager: false,
      sessionId: "bench", sessionKind: "password", scopes: null, email: "admin@bench.test", firstName: "Ada", lastName: "Admin", timeZone: TZ,
    };
    const { accessToken } = await createSession(db, { orgId: bench.orgId, userId: bench.adminId, kind: "password" });
    const everyone = { userId: [] as string[], teamId: bench.teamIds };
    const { users } = await selectAudience(db, bench.orgId, everyone);
    const allIds = users.map((u) => u.userId);
    const firstPage = allIds.slice(0, 10);
    // the last full week of the data, and the 31 days before its end
    const monday = addDaysToDate(FIRST_DAY, Math.max(0, Math.floor(DAYS / 7) - 1) * 7);
    const sunday = addDaysToDate(monday, 6);
    const monthStart = addDaysToDate(sunday, -30);
    const range = (startDay: string, endDay: string) => ({ startDate: `${startDay} 00:00:00`, endDate: `${endDay} 23:59:59`, timeZone: TZ });
    const q = (userIds: string[], startDay: string, endDay: string, endExclusive = false, now = new Date()): MetricsRange => ({
      orgId: bench.orgId, userIds, timeZone: TZ, startLocal: `${startDay} 00:00:00`,
      endLocal: endExclusive ? `${endDay} 00:00:00` : `${endDay} 23:59:59`, endExclusive, now,
    });
    // "today" for the current-week scenario: Sunday noon of that week (six days cached, one not)
    const sundayNoon = new Date(`${sunday}T11:00:00Z`);
    const weeks = weeksOf(`${monday} 00:00:00`, `${sunday} 23:59:59`);
    const post = (handler: typeof weeklyRoute, path: string, body: unknown) => async () => {
      const res = await handler(
        new Request(`http://localhost${path}`, { method: "POST", headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" }, body: JSON.stringify(body) }),
        { params: Promise.resolve({}) },
      );
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      await res.json();
    };

    const scenarios: Array<{ name: string; bare: SQL; service: () => Promise<unknown>; route: () => Promise<unknown>; clock?: Date }> = [
      {
        name: `weekly-summary, ${allIds.length} users, 1 week`,
        bare: weeklySummarySql(q(allIds, weeks.startLocal.slice(0, 10), weeks.endLocal.slice(0, 10), true)),
        service: () => weeklySummary(db, caller, { ...range(monday, sunday), ...everyone }),
        route: post(weeklyRoute, "/v1/dashboard/weekly-summary", { ...range(monday, sunday), ...everyone }),
      },
      {
        name: `weekly-summary, ${allIds.length} users, current week`,
        bare: weeklySummarySql(q(allIds, weeks.startLocal.slice(0, 10), weeks.endLocal.slice(0, 10), true, sundayNoon)),
        service: () => weeklySummary(db, caller, { ...range(monday, sunday), ...everyone }),
        route: post(weeklyRoute, "/v1/dashboard/weekly-summary", { ...range(monday, sunday), ...everyone }),
        clock: sundayNoon,
      },
      {
        name: `productivity-analysis, ${allIds.length} users, 1 day`,
        bare: productivityAnalysisSql(q(allIds, sunday, sunday)),
        service: () => productivityAnalysis(db, caller, { ...range(sunday, sunday), ...everyone }),
        route: post(productivityRoute, "/v1/dashboard/productivity-analysis", { ...range(sunday, sunday), ...everyone }),
      },
      {
        name: `productivity-analysis, ${allIds.length} users, 1 week`,
        bare: productivityAnalysisSql(q(allIds, monday, sunday)),
        service: () => productivityAnalysis(db, caller, { ...range(monday, sunday), ...everyone }),
        route: post(productivityRoute, "/v1/dashboard/productivity-analysis", { ...range(monday, sunday), ...everyone }),
      },
      {
        name: "proof-of-work, page of 10 users, 1 week",
        bare: proofOfWorkSql(q(firstPage, monday, sunday)),
        service: () => proofOfWork(db, caller, { ...range(monday, sunday), ...everyone, offset: 1, limit: 10 }),
        route: post(proofRoute, "/v1/proof-of-work/timesheet", { ...range(monday, sunday), ...everyone, offset: 1 }),
      },
      {
        name: "proof-of-work, page of 10 users, 31 days",
        bare: proofOfWorkSql(q(firstPage, monthStart, sunday)),
        service: () => proofOfWork(db, caller, { ...range(monthStart, sunday), ...everyone, offset: 1, limit: 10 }),
        route: post(proofRoute, "/v1/proof-of-work/timesheet", { ...range(monthStart, sunday), ...everyone, offset: 1 }),
      },
    ];

    const clearCache = () => db.execute(sql`delete from dashboard_day_rollups where organization_id = ${bench.orgId}`);
    const fmt = (n: number) => n.toFixed(1).padStart(7);
    const ratio = (a: Timing, b: Timing) => `${(a.p50 / b.p50).toFixed(2).padStart(5)}x`;
    console.log(`${"scenario".padEnd(50)} ${"SQL p50".padStart(8)} ${"p95".padStart(7)} │ ${"service".padStart(7)} ${"p95".padStart(7)} ${"ratio".padStart(6)} │ ${"route".padStart(7)} ${"p95".padStart(7)} ${"ratio".padStart(6)}`);
    for (const s of scenarios) {
      setClock(s.clock ? () => s.clock! : null);
      for (const mode of ["cold", "warm"] as const) {
        const runs = mode === "cold" ? COLD_RUNS : RUNS;
        const before = mode === "cold" ? clearCache : undefined;
        const bare = await time(() => runMetricsSql(db, s.bare), runs, before);
        const service = await time(s.service, runs, before);
        const route = await time(s.route, runs, before);
        console.log(
          `${`${s.name} (${mode})`.padEnd(50)} ${fmt(bare.p50)} ${fmt(bare.p95)} │ ${fmt(service.p50)} ${fmt(service.p95)} ${ratio(service, bare)} │ ${fmt(route.p50)} ${fmt(route.p95)} ${ratio(route, bare)}`,
        );
      }
    }
    setClock(null);
    console.log("(milliseconds; ratio = p50 / bare SQL p50 of the same mode)");

    if (flags.explain) {
      for (const s of scenarios) {
        for (const mode of ["cold", "warm"] as const) {
          if (mode === "cold") await clearCache();
          else await runMetricsSql(db, s.bare);
          console.log(`\n=== EXPLAIN (ANALYZE, BUFFERS) ${s.name} (${mode})`);
          const plan = await runMetricsSql<{ "QUERY PLAN": string }>(db, sql`explain (analyze, buffers) ${s.bare}`);
          console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
        }
      }
    }
  } finally {
    setDbHandle(undefined);
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
