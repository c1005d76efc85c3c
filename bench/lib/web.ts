import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { encode } from "next-auth/jwt";
import { bareServer, cannon, startNext, type Load } from "./servers";
import { summarize, type Timing } from "./measure";

// Scenarios 1 and 6, on the built app under `next start`.

export interface HealthResult {
  app: Load;
  /** /api/health/live: the same route wrapper and framework, without the database round trip. */
  live: Load;
  bare: Load;
  ratio: number;
  liveRatio: number;
}

export async function healthOverhead(appUrl: string, seconds: number): Promise<HealthResult> {
  const body = await (await fetch(`${appUrl}/api/health`)).text();
  const bare = await bareServer(body);
  try {
    await cannon(`${appUrl}/api/health`, 1);
    await cannon(`${appUrl}/api/health/live`, 1);
    const app = await cannon(`${appUrl}/api/health`, seconds);
    const live = await cannon(`${appUrl}/api/health/live`, seconds);
    const b = await cannon(bare.url, seconds);
    return { app, live, bare: b, ratio: app.requestsPerSec / b.requestsPerSec, liveRatio: live.requestsPerSec / b.requestsPerSec };
  } finally {
    await bare.close();
  }
}

export interface TtfbResult {
  page: Timing;
  json: Timing;
  ratio: number;
  status: number;
}

async function ttfb(url: string, init: RequestInit): Promise<{ ms: number; status: number }> {
  const t = performance.now();
  const res = await fetch(url, init);
  const ms = performance.now() - t; // fetch resolves on the response head: the first byte
  await res.arrayBuffer();
  return { ms, status: res.status };
}

/** The server-rendered /team dashboard against its three JSON routes with the same filters. */
export async function pageTtfb(appUrl: string, accessToken: string, secret: string, teamIds: string[], week: { monday: string; sunday: string }, runs: number): Promise<TtfbResult> {
  const jwt = await encode({ token: { accessToken, sub: "bench" }, secret });
  const cookie = { cookie: `next-auth.session-token=${jwt}` };
  const pageUrl = `${appUrl}/team?week=${week.monday}`;
  const range = { startDate: `${week.monday} 00:00:00`, endDate: `${week.sunday} 23:59:59`, timeZone: "Europe/Berlin", userId: [], teamId: teamIds };
  const json = async () => {
    const t = performance.now();
    const headers = { ...cookie, "content-type": "application/json" };
    await Promise.all(
      [["/v1/dashboard/weekly-summary", range], ["/v1/dashboard/productivity-analysis", range], ["/v1/proof-of-work/timesheet", { ...range, offset: 1 }]].map(async ([p, b]) => {
        const res = await fetch(`${appUrl}${p}`, { method: "POST", headers, body: JSON.stringify(b) });
        if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      }),
    );
    return performance.now() - t;
  };
  const first = await ttfb(pageUrl, { headers: cookie, redirect: "manual" });
  await json();
  const p: number[] = [];
  const j: number[] = [];
  for (let i = 0; i < runs; i++) {
    p.push((await ttfb(pageUrl, { headers: cookie, redirect: "manual" })).ms);
    j.push(await json());
  }
  const page = summarize(p);
  const js = summarize(j);
  return { page, json: js, ratio: page.p50 / js.p50, status: first.status };
}

export { startNext };

/** Gzipped first-load JavaScript of each page of the build, from its client reference manifest. */
export function firstLoadJs(): Array<{ page: string; gzipBytes: number }> {
  const next = path.join(process.cwd(), ".next");
  const build = JSON.parse(fs.readFileSync(path.join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[]; polyfillFiles: string[] };
  const routes = JSON.parse(fs.readFileSync(path.join(next, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const gz = new Map<string, number>();
  const size = (f: string) => {
    if (!gz.has(f)) {
      const p = path.join(next, f);
      gz.set(f, fs.existsSync(p) ? zlib.gzipSync(fs.readFileSync(p)).length : 0);
    }
    return gz.get(f)!;
  };
  const out: Array<{ page: string; gzipBytes: number }> = [];
  for (const [entry, url] of Object.entries(routes)) {
    if (!entry.endsWith("/page") || url.startsWith("/_")) continue;
    const manifest = path.join(next, "server", "app", entry.replace(/\/page$/, ""), "page_client-reference-manifest.js");
    if (!fs.existsSync(manifest)) continue;
    const sandbox: { globalThis: Record<string, unknown>; self?: unknown } = { globalThis: {} };
    sandbox.self = sandbox.globalThis;
    vm.runInNewContext(fs.readFileSync(manifest, "utf8").replace(/globalThis/g, "self"), sandbox);
    const all = (sandbox.globalThis.__RSC_MANIFEST ?? {}) as Record<string, { entryJSFiles?: Record<string, string[]> }>;
    const files = new Set<string>([...build.rootMainFiles]);
    for (const m of Object.values(all)) for (const list of Object.values(m.entryJSFiles ?? {})) list.forEach((f) => files.add(f));
    out.push({ page: url, gzipBytes: [...files].reduce((a, f) => a + size(f), 0) });
  }
  return out.sort((a, b) => a.page.localeCompare(b.page));
}
