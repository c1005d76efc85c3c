// Shared pieces of the resilience scripts: a scratch database on the local PostgreSQL server,
// a `next start` child process, and an HTTP client that never waits longer than it is told.
import { spawn, type ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import postgres from "postgres";

export const ADMIN_URL = process.env.RESILIENCE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const DB_NAME = process.env.RESILIENCE_DB ?? "timebase_resilience";
export const PORT = Number(process.env.RESILIENCE_PORT ?? 3917);
export const BASE = `http://127.0.0.1:${PORT}`;

export function dbUrl(): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
}

export async function freshDatabase(): Promise<void> {
  const sql = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
    await sql.unsafe(`CREATE DATABASE "${DB_NAME}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export function pgCtl(action: "start" | "stop"): void {
  const cmd = process.env.RESILIENCE_PG_CTL ?? "pg_ctlcluster";
  const args = cmd === "pg_ctlcluster" ? ["--skip-systemctl-redirect", "15", "main", action, ...(action === "stop" ? ["-m", "fast"] : [])] : [action];
  execFileSync(cmd, args, { stdio: "inherit" });
}

export function startApp(): ChildProcess {
  const child = spawn("npx", ["next", "start", "-p", String(PORT)], {
    env: { ...process.env, DATABASE_URL: dbUrl(), AUTH_SECRET: "resilience-secret-0123456789abcdef", LOG_LEVEL: "error", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  return child;
}

export function kill9(child: ChildProcess): void {
  if (child.pid) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
  }
}

export async function http(method: string, path: string, opts: { token?: string; body?: unknown; timeoutMs?: number } = {}) {
  const started = Date.now();
  try {
    const res = await fetch(BASE + path, {
      method,
      headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(opts.body ? { "content-type": "application/json" } : {}) },
      body: opts.body ? JSON.stringify(opts.body) : undefined,
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body, ms: Date.now() - started };
  } catch (err) {
    return { status: 0, body: String(err), ms: Date.now() - started };
  }
}

export async function waitHealthy(timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const r = await http("GET", "/api/health", { timeoutMs: 2000 });
    if (r.status === 200) return Date.now() - started;
    await new Promise((r2) => setTimeout(r2, 100));
  }
  throw new Error(`not healthy within ${timeoutMs} ms`);
}

/** A new organisation through the API; its admin's access token. */
export async function signupAdmin(): Promise<string> {
  const email = `res-${Date.now()}@example.test`;
  const password = "correct-Horse-7-battery";
  const s = await http("POST", "/v1/auth/signup", { body: { email, password, firstName: "R", lastName: "S", orgName: "Resilience" } });
  if (s.status !== 201) throw new Error(`signup ${s.status} ${JSON.stringify(s.body)}`);
  const l = await http("POST", "/v1/auth/login", { body: { email, password } });
  if (l.status !== 200) throw new Error(`login ${l.status}`);
  return l.body.accessToken as string;
}

/** Ids of the acknowledged entries that are missing from the database. */
export async function missingEntries(ids: string[]): Promise<string[]> {
  const sql = postgres(dbUrl(), { max: 1, onnotice: () => {} });
  try {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await sql<{ id: string }[]>`select id from time_entries where id in ${sql(ids.slice(i, i + 1000))}`;
      rows.forEach((r) => found.add(r.id));
    }
    return ids.filter((id) => !found.has(id));
  } finally {
    await sql.end({ timeout: 5 });
  }
}

let slot = 0;
/** A distinct, non-overlapping 1-minute manual log, far in the past. */
export function nextLog() {
  const start = Date.UTC(2025, 0, 1) + slot++ * 120_000;
  return { startedAt: new Date(start).toISOString(), stoppedAt: new Date(start + 60_000).toISOString() };
}
