import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { z, type ZodType } from "zod";
import { encode } from "next-auth/jwt";
import { routeTable } from "@/app/routes.generated";
import { handlerOf, METHODS } from "@/lib/openapi/build";
import type { RouteHandler } from "@/lib/http/handler";
import { authSecret } from "@/lib/auth/secret";
import { createSession } from "@/lib/services/accounts";
import { timesheets } from "@/db/schema";
import { rowsOf } from "@/db/sql";
import { call, db, makeOrg, type CallOptions, type CallResult, type TestOrg } from "../helpers";
import { form, patternImage } from "../screenshots/helpers";

// Shared pieces of the hardening suites: the operations of the route table, table checksums,
// a call() that scans every answer for secrets, and a two-organisation fixture.

export interface Operation {
  pattern: string;
  method: (typeof METHODS)[number];
  handler: RouteHandler;
  pathParams: string[];
}

export const operations: Operation[] = routeTable
  .filter((r) => !r.catchAll)
  .flatMap((r) =>
    METHODS.flatMap((method) => {
      const h = handlerOf(r.module, method);
      const pathParams = [...r.pattern.matchAll(/\{([^}*]+)\}/g)].map((m) => m[1]!);
      return h ? [{ pattern: r.pattern, method, handler: h, pathParams }] : [];
    }),
  );

export type JsonSchema = Record<string, any>;
export function jsonSchemaOf(schema: ZodType | undefined): JsonSchema | undefined {
  if (!schema) return undefined;
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

export function fillPath(pattern: string, params: Record<string, string>): string {
  // lone surrogates cannot be percent-encoded; a client would have sent U+FFFD
  const enc = (v: string) => encodeURIComponent(v.replace(/[\ud800-\udfff]/g, "\ufffd"));
  return pattern.replace(/\{([^}]+)\}/g, (_, name: string) => enc(params[name] ?? randomUUID()));
}

// ---- checksums -------------------------------------------------------------------------------

// Columns every authenticated request may touch (bookkeeping, not data) and derived caches.
const VOLATILE_COLUMNS = ["last_used_at"];
const SKIPPED_TABLES = new Set(["login_throttles", "dashboard_versions", "dashboard_org_versions", "dashboard_day_rollups", "idempotency_keys", "__drizzle_migrations"]);

let tableCache: { name: string; hasOrg: boolean }[] | undefined;
async function tables(): Promise<{ name: string; hasOrg: boolean }[]> {
  if (tableCache) return tableCache;
  const d = await db();
  const rows = (await d.execute(
    sql`select c.table_name as name, bool_or(c.column_name = 'organization_id') as has_org
        from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE' group by c.table_name order by c.table_name`,
  ));
  const list = rowsOf<{ name: string; has_org: boolean }>(rows);
  tableCache = list.filter((r) => !SKIPPED_TABLES.has(r.name)).map((r) => ({ name: r.name, hasOrg: r.has_org }));
  return tableCache;
}

/** One hash per table (of one organisation's rows, or of all rows), in one statement. */
export async function checksum(orgId?: string): Promise<Record<string, string>> {
  const d = await db();
  const strip = VOLATILE_COLUMNS.map((c) => ` - '${c}'`).join("");
  const parts = (await tables()).map((t) => {
    const where = orgId ? (t.name === "organizations" ? `where t.id = '${orgId}'` : t.hasOrg ? `where t.organization_id = '${orgId}'` : "where false") : "";
    return `select '${t.name}' as name, count(*)::text || ':' || coalesce(md5(string_agg((to_jsonb(t)${strip})::text, '|' order by (to_jsonb(t)${strip})::text)), '') as h from "${t.name}" t ${where}`;
  });
  const res = rowsOf<{ name: string; h: string }>(await d.execute(sql.raw(parts.join(" union all "))));
  return Object.fromEntries(res.map((r) => [r.name, r.h]));
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}

// ---- secret scan ------------------------------------------------------------------------------

const TOKEN_RE = /\btb(?:at|rt|in|sp)?_[A-Za-z0-9_-]{20,}/g;
/** Every token this suite has seen issued; an answer may carry only fresh ones. */
export const seenTokens = new Set<string>();
let storedHashes: Set<string> | undefined;

export async function refreshStoredHashes(): Promise<void> {
  const d = await db();
  const q = `select access_token_hash as h from auth_sessions union all select refresh_token_hash from auth_sessions where refresh_token_hash is not null
             union all select unnest(used_refresh_hashes) from auth_sessions union all select key_hash from api_keys
             union all select token_hash from invitations union all select token_hash from user_tokens`;
  storedHashes = new Set(rowsOf<{ h: string }>(await d.execute(sql.raw(q))).map((r) => r.h));
}

export function scanForSecrets(res: CallResult, what: string): void {
  const text = typeof res.body === "string" ? res.body : JSON.stringify(res.body ?? null);
  expect(text, `${what}: a password hash in the answer`).not.toContain("$argon2");
  for (const hex of text.match(/\b[0-9a-f]{64}\b/g) ?? []) expect(storedHashes?.has(hex), `${what}: a stored hash in the answer`).toBe(false);
  for (const tok of text.match(TOKEN_RE) ?? []) {
    expect(seenTokens.has(tok), `${what}: an earlier token in the answer`).toBe(false);
    seenTokens.add(tok);
  }
}

/** call(), and every answer is scanned for hashes and earlier tokens. */
export async function scall(handler: Parameters<typeof call>[0], method: string, path: string, opts: CallOptions = {}): Promise<CallResult> {
  const res = await call(handler, method, path, opts);
  scanForSecrets(res, `${method} ${path}`);
  return res;
}

// ---- credentials --------------------------------------------------------------------------------

export type CredentialKind = "bearer" | "apiKey" | "web";
export type Credential = { kind: CredentialKind; headers: Record<string, string> };

export async function webCookie(accessToken: string, sub: string): Promise<string> {
  const jwt = await encode({ token: { sub, accessToken }, secret: authSecret() });
  return `next-auth.session-token=${jwt}`;
}

/** The three ways to call as one user: a password session's bearer, an API-key session's bearer, a web cookie. */
export async function credentialsOf(orgId: string, userId: string): Promise<Credential[]> {
  const d = await db();
  const pw = await createSession(d, { orgId, userId, kind: "password" });
  const { POST: createKey } = await import("@/app/v1/api-keys/route");
  const { POST: keyLogin } = await import("@/app/v1/auth/api-key/login/route");
  const key = await call(createKey, "POST", "/v1/api-keys", { token: pw.accessToken, body: { name: "probe" } });
  expect(key.status, JSON.stringify(key.body)).toBe(201);
  const keyTokens = await call(keyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: key.body.apiKey } });
  expect(keyTokens.status, JSON.stringify(keyTokens.body)).toBe(200);
  const web = await createSession(d, { orgId, userId, kind: "web" });
  for (const t of [pw.accessToken, keyTokens.body.accessToken, web.accessToken, key.body.apiKey]) seenTokens.add(t);
  return [
    { kind: "bearer", headers: { authorization: `Bearer ${pw.accessToken}` } },
    { kind: "apiKey", headers: { authorization: `Bearer ${keyTokens.body.accessToken}` } },
    // the app's own pages send their Origin with every write (the CSRF rule for cookie requests)
    { kind: "web", headers: { cookie: await webCookie(web.accessToken, userId), origin: "http://localhost:3000" } },
  ];
}

// ---- a fully furnished organisation ------------------------------------------------------------------

export interface Furnished extends TestOrg {
  ids: {
    org: string;
    user: string;
    team: string;
    invitation: string;
    apiKey: string;
    session: string;
    project: string;
    task: string;
    taskExternalId: string;
    taskName: string;
    entry: string;
    timesheet: string;
    activity: string;
    slot: string;
    screenshot: string;
    rule: string;
  };
}

function ok(res: CallResult, what: string): any {
  if (res.status >= 300) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** An organisation holding one resource of every kind, made through the routes by its admin and member. */
export async function furnishedOrg(): Promise<Furnished> {
  const org = await makeOrg();
  const d = await db();
  const admin = org.admin.token;
  const member = org.member.token;
  const m = (p: string) => import(p);
  const [keys, invs, projects, tasks, tracks, logs, bulk, slot, shot, rules] = await Promise.all([
    m("@/app/v1/api-keys/route"),
    m("@/app/v1/invitations/route"),
    m("@/app/v1/projects/route"),
    m("@/app/v1/tasks/route"),
    m("@/app/v1/tasks/[taskId]/tracks/route"),
    m("@/app/api/timesheet/time-log/route"),
    m("@/app/api/timesheet/activity/bulk/route"),
    m("@/app/api/timesheet/time-slot/route"),
    m("@/app/api/timesheet/screenshot/route"),
    m("@/app/v1/productivity-rules/route"),
  ]);
  const apiKey = ok(await call(keys.POST, "POST", "/v1/api-keys", { token: member, body: { name: "agent" } }), "api key");
  const inv = ok(await call(invs.POST, "POST", "/v1/invitations", { token: admin, body: { email: `inv-${randomUUID().slice(0, 8)}@example.test` } }), "invitation");
  const project = ok(await call(projects.POST, "POST", "/v1/projects", { token: member, body: { name: "B project", externalId: `bp-${randomUUID().slice(0, 6)}` } }), "project");
  const taskName = `B task ${randomUUID().slice(0, 6)}`;
  const taskExternalId = `bt-${randomUUID().slice(0, 6)}`;
  const task = ok(await call(tasks.POST, "POST", "/v1/tasks", { token: member, body: { name: taskName, externalId: taskExternalId, projectId: project.id } }), "task");
  const now = Date.now() - 3 * 3600_000;
  const start = Math.floor(now / 1000) * 1000;
  ok(await call(tracks.POST, "POST", `/v1/tasks/${task.id}/tracks`, { token: member, params: { taskId: task.id }, body: { start, end: start + 600_000 } }), "track");
  const log = ok(
    await call(logs.POST, "POST", "/api/timesheet/time-log", {
      token: member,
      body: { startedAt: new Date(start + 3600_000).toISOString(), stoppedAt: new Date(start + 4200_000).toISOString(), projectId: project.id, taskId: task.id },
    }),
    "time log",
  );
  const act = ok(
    await call(bulk.POST, "POST", "/api/timesheet/activity/bulk", {
      token: member,
      body: { activities: [{ clientId: "c1", type: "APP", name: "Editor", startedAt: new Date(start + 3600_000).toISOString(), duration: 60 }] },
    }),
    "activity",
  );
  const slotStart = new Date(Math.floor((start + 3600_000) / 600_000) * 600_000).toISOString();
  const sl = ok(await call(slot.POST, "POST", "/api/timesheet/time-slot", { token: member, body: { startedAt: slotStart, keyboard: 10, mouse: 10, overall: 20 } }), "slot");
  const sh = ok(
    await call(shot.POST, "POST", "/api/timesheet/screenshot", { token: member, rawBody: form({ file: await patternImage(), recordedAt: new Date(start + 3700_000).toISOString() }) }),
    "screenshot",
  );
  const rule = ok(await call(rules.POST, "POST", "/v1/productivity-rules", { token: admin, body: { matchType: "APP", pattern: "Editor", classification: "PRODUCTIVE" } }), "rule");
  const session = await createSession(d, { orgId: org.id, userId: org.member.id, kind: "password" });
  const sheetRows = rowsOf<{ id: string }>(await d.execute(sql`select id from ${timesheets} where organization_id = ${org.id} limit 1`));
  let sheetId = sheetRows[0]?.id;
  if (!sheetId) {
    const { GET: listSheets } = await import("@/app/api/timesheet/route");
    const list = ok(await call(listSheets, "GET", "/api/timesheet", { token: member }), "timesheets");
    sheetId = list.items?.[0]?.id;
  }
  if (!sheetId) throw new Error("no timesheet in the furnished organisation");
  const activityId = act.items?.[0]?.id ?? act.activities?.[0]?.id ?? act.ids?.[0];
  const activityRow = rowsOf<{ id: string }>(await d.execute(sql`select id from activities where organization_id = ${org.id} limit 1`));
  return {
    ...org,
    ids: {
      org: org.id,
      user: org.member.id,
      team: org.teamId,
      invitation: inv.id ?? inv.invitation?.id,
      apiKey: apiKey.info.id,
      session: session.sessionId ?? (session as any).id,
      project: project.id,
      task: task.id,
      taskExternalId,
      taskName,
      entry: log.id ?? log.timeLog?.id,
      timesheet: sheetId,
      activity: activityId ?? activityRow[0]!.id,
      slot: sl.id,
      screenshot: sh.id,
      rule: rule.id,
    },
  };
}

// ---- plausible values from a route's JSON schema ---------------------------------------------------

/** Values for named fields: the probes put the other organisation's ids here. */
export type Named = Record<string, unknown>;

const isoAgo = (h: number) => new Date(Math.floor((Date.now() - h * 3600_000) / 1000) * 1000).toISOString();

/** A plausible valid value for a JSON schema; `named` overrides by property name. */
const SAMPLE_NOW = Date.now();

export function sample(s: JsonSchema | undefined, named: Named = {}, key = ""): unknown {
  if (!s) return undefined;
  if (key && key in named) return named[key];
  if (s.enum) return s.enum[0];
  if (s.const !== undefined) return s.const;
  if (s.anyOf) return sample(s.anyOf.find((x: JsonSchema) => x.type !== "null") ?? s.anyOf[0], named, key);
  if (s.oneOf) return sample(s.oneOf[0], named, key);
  switch (s.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, JsonSchema>)) {
        const val = sample(v, named, k);
        if (val !== undefined) out[k] = val;
      }
      return out;
    }
    case "array":
      return [sample(s.items, named, key)];
    case "integer":
    case "number": {
      // one instant for both ends: two Date.now() calls a millisecond apart made a 24h + 1 ms
      // span, which the 24-hour limit refused before the tenant check (a flaky 422)
      if (/startDate|start$/i.test(key)) return SAMPLE_NOW - 3 * 86_400_000;
      if (/endDate|end$/i.test(key)) return SAMPLE_NOW - 3 * 86_400_000 + 3_600_000;
      const min = typeof s.minimum === "number" ? s.minimum : 0;
      const max = typeof s.maximum === "number" ? s.maximum : min + 10;
      return Math.min(Math.max(min, 1), max);
    }
    case "boolean":
      return false;
    case "string": {
      if (s.format === "uuid") return named.uuid ?? randomUUID();
      if (s.format === "email") return `p-${randomUUID().slice(0, 8)}@example.test`;
      if (s.format === "date-time") return /stop|end/i.test(key) ? isoAgo(1) : isoAgo(2);
      if (/timezone/i.test(key)) return "UTC";
      if (/^startDate$/.test(key)) return isoAgo(24 * 7).slice(0, 10);
      if (/^endDate$/.test(key)) return isoAgo(0).slice(0, 10);
      if (/password/i.test(key)) return "correct-Horse-7-battery";
      return "probe text".padEnd(Math.max(s.minLength ?? 1, 10), "x").slice(0, s.maxLength ?? 100);
    }
    default:
      return undefined;
  }
}

export function schemasOf(op: Operation) {
  return {
    params: jsonSchemaOf(op.handler.spec.params as ZodType | undefined),
    query: jsonSchemaOf(op.handler.spec.query as ZodType | undefined),
    body: jsonSchemaOf(op.handler.spec.body as ZodType | undefined),
  };
}

export function toQuery(v: unknown): CallOptions["query"] {
  const out: NonNullable<CallOptions["query"]> = {};
  for (const [k, x] of Object.entries((v ?? {}) as Record<string, unknown>)) {
    if (x === undefined || x === null) continue;
    out[k] = Array.isArray(x) ? x.map(String) : typeof x === "object" ? JSON.stringify(x) : (x as string | number | boolean);
  }
  return out;
}

/** SQL check after concurrency: pairs of one user's entries whose ranges overlap. */
export async function overlappingEntries(): Promise<number> {
  const d = await db();
  const r = rowsOf<{ n: number | string }>(
    await d.execute(
      sql.raw(`select count(*) as n from time_entries a join time_entries b
        on a.organization_id = b.organization_id and a.user_id = b.user_id and a.id < b.id
        and tstzrange(a.started_at, coalesce(a.stopped_at, 'infinity')) && tstzrange(b.started_at, coalesce(b.stopped_at, 'infinity'))`),
    ),
  );
  return Number(r[0]!.n);
}

// ---- out-of-range instants and odd zones (issue 13 items 8 and 16) -----------------------------------

/** Instants and dates outside 1970..2100 or outside what Date can hold, as strings and numbers. */
export const ODD_INSTANTS: unknown[] = [
  "0025-01-01T00:00:00Z",
  "0013-06-15T12:00:00Z",
  "9999-12-31 23:59:59",
  "9999-12-31",
  "10000-01-01",
  "+010000-01-01T00:00:00Z",
  "2100-01-01T00:00:01Z",
  "8640000000000000",
  "-1",
  8_640_000_000_000_000,
  -1,
];
/** Zones Intl accepts but PostgreSQL does not, and one nobody knows. */
export const ODD_ZONES = ["AET", "CTT", "US/Pacific-New", "Mars/Olympus"];

const DATE_KEY = /date|At$|^start$|^end$/i;
const ZONE_KEY = /zone/i;

/** The date and zone fields of a JSON schema: top-level properties and those of arrays of objects (activities[]). */
export function dateAndZoneFields(s: JsonSchema | undefined): { path: (string | number)[]; kind: "instant" | "zone" }[] {
  const out: { path: (string | number)[]; kind: "instant" | "zone" }[] = [];
  const walk = (node: JsonSchema | undefined, path: (string | number)[]) => {
    for (const [k, v] of Object.entries((node?.properties ?? {}) as Record<string, JsonSchema>)) {
      const inner = v.anyOf?.find((x: JsonSchema) => x.type !== "null") ?? v;
      if (ZONE_KEY.test(k)) out.push({ path: [...path, k], kind: "zone" });
      else if (DATE_KEY.test(k) || inner.format === "date-time") out.push({ path: [...path, k], kind: "instant" });
      else if (inner.type === "array" && inner.items?.type === "object" && path.length === 0) walk(inner.items, [k, 0]);
    }
  };
  walk(s, []);
  return out;
}

/** A copy of a sampled value with one (possibly nested) field replaced. */
export function withField(value: unknown, path: (string | number)[], v: unknown): unknown {
  const copy = structuredClone((value ?? {}) as Record<string, unknown>);
  let node: any = copy;
  for (const [i, k] of path.entries()) {
    if (i === path.length - 1) node[k] = v;
    else node = node[k] ??= typeof path[i + 1] === "number" ? [{}] : {};
  }
  return copy;
}

/** The furnished organisation's id for a path parameter, so a probe reaches past the tenant check. */
export function furnishedParam(f: Furnished, pattern: string, name: string): string {
  const byName: Record<string, string> = {
    orgId: f.ids.org,
    userId: f.ids.user,
    teamId: f.ids.team,
    invId: f.ids.invitation,
    apiKeyId: f.ids.apiKey,
    sessionId: f.ids.session,
    projectId: f.ids.project,
    taskId: f.ids.task,
    ruleId: f.ids.rule,
    externalId: f.ids.taskExternalId,
    name: f.ids.taskName,
  };
  if (name === "id") return pattern.includes("screenshot") ? f.ids.screenshot : f.ids.entry;
  return byName[name] ?? randomUUID();
}

/** A plausible body or query for the furnished organisation: id lists name its member and team. */
export function furnishedSample(s: JsonSchema | undefined, f: Furnished): unknown {
  const v = sample(s, { userId: undefined, teamId: undefined, employeeId: f.ids.user, projectId: f.ids.project, taskId: f.ids.task });
  if (v && typeof v === "object" && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.userId) || s?.properties?.userId?.type === "array") o.userId = [f.ids.user];
    if (s?.properties?.teamId?.type === "array") o.teamId = [];
    // RFC 3339 instants: every string startDate/endDate (timesheet, screenshots, dashboards) reads them
    if (typeof o.startDate === "string") o.startDate = isoAgo(24 * 6);
    if (typeof o.endDate === "string") o.endDate = isoAgo(0);
  }
  return v;
}
