// npm run bench -- [--quick] [--users 200 --teams 10 --days 90] [--rebuild] [--explain]
//
// Builds a generated organisation on PostgreSQL (DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/timebase_bench, created when missing), runs the six
// scenarios of issue 9 and writes bench/RESULTS.md and bench/results.json.

import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, setDbHandle } from "@/db/client";
import { benchOptions } from "./lib/options";
import { benchOrganisation } from "./lib/generate";
import { readContext } from "./lib/context";
import { authenticatedRead, dashboardCalls, dashboards, timeLogRead, type Pair } from "./lib/reads";
import { writePath } from "./lib/writes";
import { ensureBuild } from "./lib/servers";
import { firstLoadJs, healthOverhead, pageTtfb, startNext } from "./lib/web";
import { time, round } from "./lib/measure";
import { machine, writeReport, type Goal } from "./lib/report";

// the request log would drown the figures (read lazily by lib/http/log, so set before any request)
process.env.LOG_LEVEL ??= "silent";
const log = (s: string) => console.log(s);
const o = benchOptions();
const ms = (n: number) => `${round(n, 1)} ms`;
const x = (n: number) => `${round(n)}x`;

async function ensureDatabase(url: string) {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = "/postgres";
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  try {
    const found = await admin`select 1 from pg_database where datname = ${name}`;
    if (!found.length) await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

const pairLine = (p: Pair) => `| ${p.name} | ${ms(p.subject.p50)} (p95 ${ms(p.subject.p95)}) | ${ms(p.baseline.p50)} (p95 ${ms(p.baseline.p95)}) | ${x(p.ratio)} |`;

async function main() {
  const t0 = performance.now();
  await ensureDatabase(o.url);
  const handle = await openDatabase({ url: o.url, migrate: true, poolMax: 10 });
  setDbHandle(handle);
  const goals: Goal[] = [];
  const details: string[] = [];
  const results: Record<string, unknown> = { date: new Date().toISOString(), machine: machine(), database: `PostgreSQL (${new URL(o.url).host}${new URL(o.url).pathname})`, options: o };
  try {
    log(`generating (${o.users} users, ${o.teams} teams, ${o.days} days)…`);
    const org = await benchOrganisation(handle.db, "postgres", o, log);
    results.data = `${o.users} users in ${o.teams} teams, ${o.days} days: ${org.counts.entries} entries, ${org.counts.slots} slots, ${org.counts.activities} activities`;
    const c = await readContext(handle, org, o.days);

    log("2. authenticated read…");
    const read = await authenticatedRead(c, o.url, o.runs, o.explain);
    log("3. dashboards…");
    const dash = await dashboards(c, o.runs, o.explain);
    results.read = read;
    results.dashboards = dash;
    goals.push({ scenario: "2 authenticated read", figure: x(read.ratio), goal: "≤ 1.3x bare postgres.js", met: read.ratio <= 1.3 });
    for (const d of dash) goals.push({ scenario: `3 ${d.name}`, figure: x(d.ratio), goal: "≤ 1.3x bare SQL", met: d.ratio <= 1.3 });
    details.push("### 2–3. Reads through the route handler (in-process) against the bare statements", "", "| read | route p50 | bare p50 | ratio |", "| --- | --- | --- | --- |", pairLine(read), ...dash.map(pairLine), "");
    for (const p of [read, ...dash].filter((p) => p.plan)) details.push(`EXPLAIN (ANALYZE, BUFFERS) of ${p.name}:`, "", "```", p.plan!, "```", "");

    log("4. write path…");
    const w = await writePath(c, o.steadySeconds, o.burst);
    results.writes = w;
    goals.push({ scenario: "4 write path, steady 20 req/s", figure: x(w.steady.ratio), goal: "≤ 1.5x a plain INSERT", met: w.steady.ratio <= 1.5 });
    goals.push({ scenario: `4 write path, burst of ${w.burst.size}`, figure: `${x(w.burst.ratio)}, ${w.burst.errors} errors`, goal: "drained with no error", met: w.burst.errors === 0 });
    details.push(
      "### 4. Write path: POST /api/timesheet/time-log against a plain INSERT", "",
      `- steady ${w.steady.perSecond} req/s: route p50 ${ms(w.steady.subject.p50)} (p95 ${ms(w.steady.subject.p95)}), INSERT p50 ${ms(w.steady.baseline.p50)} (p95 ${ms(w.steady.baseline.p95)}): ${x(w.steady.ratio)}`,
      `- burst of ${w.burst.size}: route drained in ${ms(w.burst.subjectMs)} with ${w.burst.errors} errors, INSERTs in ${ms(w.burst.baselineMs)} with ${w.burst.baselineErrors} errors: ${x(w.burst.ratio)}`, "",
    );

    log("5. PGlite against PostgreSQL…");
    const small = { users: Math.min(o.users, 20), teams: Math.min(o.teams, 2), days: Math.min(o.days, 14), activitiesPerDay: Math.min(o.activitiesPerDay, 60) };
    const lite = await openDatabase({ dataDir: "memory://", migrate: true });
    const pgSmall = await readContext(handle, await benchOrganisation(handle.db, "postgres", small, log), small.days);
    const liteCtx = await readContext(lite, await benchOrganisation(lite.db, "pglite", small, log), small.days);
    const reads5: Array<{ name: string; pg: number; pglite: number; ratio: number }> = [];
    for (const [name, pick] of [["time-log list", 0], ["weekly-summary", 1], ["productivity-analysis", 2]] as const) {
      const fnFor = async (rc: typeof pgSmall) => (pick === 0 ? timeLogRead(rc) : (await dashboardCalls(rc))[pick - 1]!.route);
      setDbHandle(handle);
      const pg = await time(await fnFor(pgSmall), o.runs);
      setDbHandle(lite);
      const pl = await time(await fnFor(liteCtx), o.runs);
      setDbHandle(handle);
      reads5.push({ name, pg: pg.p50, pglite: pl.p50, ratio: pl.p50 / pg.p50 });
    }
    await lite.close();
    results.pglite = { size: small, reads: reads5 };
    for (const r of reads5) goals.push({ scenario: `5 PGlite ${r.name}`, figure: x(r.ratio), goal: "≤ 3x PostgreSQL", met: r.ratio <= 3 });
    details.push(`### 5. The same reads (route handlers) on PGlite against PostgreSQL (${small.users} users × ${small.days} days on both)`, "", "| read | PostgreSQL p50 | PGlite p50 | ratio |", "| --- | --- | --- | --- |",
      ...reads5.map((r) => `| ${r.name} | ${ms(r.pg)} | ${ms(r.pglite)} | ${x(r.ratio)} |`), "");

    log("1, 6. the built app…");
    if (!ensureBuild(o.rebuild, log)) {
      goals.push({ scenario: "1 health", figure: "-", goal: "≥ 0.3x bare node:http", met: null, note: "next build failed; scenarios 1 and 6 not run" });
    } else {
      const secret = randomBytes(24).toString("hex");
      const server = await startNext({ DATABASE_URL: o.url, AUTH_SECRET: secret });
      try {
        const h = await healthOverhead(server.url, o.seconds);
        results.health = h;
        goals.push({ scenario: "1 route-handler overhead", figure: x(h.ratio), goal: "≥ 0.3x bare node:http", met: h.ratio >= 0.3 });
        details.push("### 1. GET /api/health under `next start` against a bare node:http server (autocannon, 32 connections)", "",
          `- app: ${round(h.app.requestsPerSec, 0)} req/s (p50 ${h.app.latencyP50} ms, ${h.app.errors} errors, ${h.app.non2xx} non-2xx); bare: ${round(h.bare.requestsPerSec, 0)} req/s (p50 ${h.bare.latencyP50} ms): ${x(h.ratio)}`,
          `- where the time goes: GET /api/health/live (the same wrapper under Next.js, no database round trip): ${round(h.live.requestsPerSec, 0)} req/s (p50 ${h.live.latencyP50} ms): ${x(h.liveRatio)} of bare`, "");
        try {
          const t = await pageTtfb(server.url, c.adminToken, secret, org.teamIds, c, Math.max(5, Math.floor(o.runs / 2)));
          results.ttfb = t;
          const ok = t.status === 200;
          goals.push({ scenario: "6 /team page TTFB", figure: ok ? x(t.ratio) : `status ${t.status}`, goal: "≤ 1.5x the JSON routes", met: ok ? t.ratio <= 1.5 : null,
            note: ok ? undefined : `the /team page answered ${t.status} in this build (.next predates the page: run with --rebuild)` });
          details.push("### 6. Server-rendered /team dashboard against its three JSON routes (same week and teams, fetched in parallel)", "",
            `- page TTFB p50 ${ms(t.page.p50)} (p95 ${ms(t.page.p95)}, status ${t.status}); JSON routes p50 ${ms(t.json.p50)} (p95 ${ms(t.json.p95)}): ${x(t.ratio)}`, "");
        } catch (err) {
          goals.push({ scenario: "6 /team page TTFB", figure: "-", goal: "≤ 1.5x the JSON routes", met: null,
            note: `not measured: ${String(err).slice(0, 160)} (the .next build predates these routes: run with --rebuild)` });
        }
      } finally {
        await server.stop();
      }
      const js = firstLoadJs();
      results.firstLoadJs = js;
      const worst = js.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a), { page: "-", gzipBytes: 0 });
      goals.push({ scenario: "6 first-load JS", figure: `largest ${worst.page}: ${round(worst.gzipBytes / 1024, 1)} kB`, goal: "≤ 150 kB gzipped per page", met: worst.gzipBytes <= 150 * 1024 });
      details.push("### 6. First-load JavaScript per page (gzipped, from the .next manifests)", "", "| page | kB |", "| --- | --- |", ...js.map((p) => `| ${p.page} | ${round(p.gzipBytes / 1024, 1)} |`), "");
    }
    results.seconds = round((performance.now() - t0) / 1000, 1);
    writeReport(results, goals, details, `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim());
    log(`\nwrote bench/RESULTS.md and bench/results.json in ${results.seconds} s`);
    for (const g of goals) log(`  ${g.met === null ? "n/a   " : g.met ? "met   " : "MISSED"} ${g.scenario}: ${g.figure} (${g.goal})`);
  } finally {
    setDbHandle(undefined);
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
