import { createHash } from "node:crypto";
import { setClock } from "@/base/clock";
import { createSession } from "@/lib/services/accounts";
import { call, db, type CallOptions, type CallResult } from "../helpers";
import { furnishedOrg, furnishedParam, furnishedSample, operations, schemasOf, toQuery, type Furnished, type Operation } from "../hardening/kit";

// The recorded scenario of issue 15: one furnished organisation (admin, manager, member), then
// every operation of app/routes.generated.ts called as nobody, as the member and as the admin
// (each with a fresh session), with plausible inputs. The answers are normalised (ids by first
// appearance, tokens, database-clock instants) so two runs of the same code agree byte for byte.

/** The fixed instant of the scenario: a Wednesday, far from the wall clock. */
export const REPLAY_NOW = Date.parse("2026-03-04T10:00:00.000Z");

export interface Exchange {
  call: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const HEADERS = ["content-type", "allow", "x-total-count", "link", "retry-after"];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const TOKEN = /\btb(?:at|rt|in|sp)?_[A-Za-z0-9_-]{20,}/g;
const HEX = /\b[0-9a-f]{32,}\b/g;
const ISO = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})\b/g;

export class Normaliser {
  private ids = new Map<string, string>();
  /** The real wall clock when the run began: instants near it come from the database's now(). */
  constructor(private readonly wall: number) {}

  seed(id: string): void {
    this.id(id);
  }

  private id(u: string): string {
    const key = u.toLowerCase();
    let v = this.ids.get(key);
    if (!v) {
      v = `<id${this.ids.size + 1}>`;
      this.ids.set(key, v);
    }
    return v;
  }

  text(s: string): string {
    return s
      .replace(TOKEN, "<token>")
      .replace(UUID, (u) => this.id(u))
      .replace(HEX, "<hex>")
      .replace(ISO, (t) => (Math.abs(Date.parse(t) - this.wall) < 3 * 86_400_000 ? "<db-now>" : t));
  }

  value(v: unknown, key = ""): unknown {
    // the last characters of a random secret (API keys)
    if (key === "last4" && typeof v === "string") return "<last4>";
    if (typeof v === "string") return this.text(v);
    if (Array.isArray(v)) return v.map((x) => this.value(x, key));
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[this.text(k)] = this.value(x, k);
      return out;
    }
    return v;
  }
}

function bodyOf(res: CallResult): unknown {
  if (typeof res.body === "string" && !/json|text/.test(res.headers.get("content-type") ?? "")) {
    return { bytes: res.body.length, sha256: createHash("sha256").update(res.body).digest("hex").slice(0, 16) };
  }
  return res.body;
}

/** Deletions and session-ending calls come last, so the rest meets the furnished rows. */
function rank(op: Operation): number {
  if (op.method === "DELETE") return 2;
  if (/logout|password|sessions|rotate/.test(op.pattern)) return 1;
  return 0;
}

export async function runScenario(): Promise<Exchange[]> {
  const wall = performance.timeOrigin + performance.now();
  setClock(() => new Date(REPLAY_NOW));
  const n = new Normaliser(wall);
  const f: Furnished = await furnishedOrg();
  for (const u of [f.id, f.admin.id, f.manager.id, f.member.id, f.outsider.id, f.teamId]) n.seed(u);
  const d = await db();
  const out: Exchange[] = [];
  const record = async (label: string, op: Operation, path: string, opts: CallOptions) => {
    const res = await call(op.handler, op.method, path, opts);
    const headers: Record<string, string> = {};
    for (const h of HEADERS) {
      const v = res.headers.get(h);
      if (v !== null) headers[h] = n.text(v);
    }
    let body = n.value(bodyOf(res));
    // a large answer (the OpenAPI document) is kept as its length and digest
    const text = JSON.stringify(body);
    if (text.length > 20_000) body = { chars: text.length, sha256: createHash("sha256").update(text).digest("hex").slice(0, 16) };
    out.push({ call: `${label} ${op.method} ${op.pattern}`, status: res.status, headers, body });
  };
  const fresh = async (userId: string) => (await createSession(d, { orgId: f.id, userId, kind: "password" })).accessToken;
  const ordered = [...operations].sort((a, b) => rank(a) - rank(b));
  for (const op of ordered) {
    const s = schemasOf(op);
    const params = Object.fromEntries(op.pathParams.map((p) => [p, furnishedParam(f, op.pattern, p)]));
    const path = op.pattern.replace(/\{([^}]+)\}/g, (_, k: string) => encodeURIComponent(params[k]!));
    const query = toQuery(furnishedSample(s.query, f));
    const body = op.method === "GET" || op.method === "DELETE" ? undefined : furnishedSample(s.body, f);
    const auth = op.handler.spec.auth ?? "required";
    // the error case: no credentials, or (routes without auth) a body that is not JSON
    if (auth === "none" && body !== undefined) await record("bad", op, path, { params, query, rawBody: "{", headers: { "content-type": "application/json" } });
    else await record("anon", op, path, { params, query, body });
    await record("member", op, path, { token: await fresh(f.member.id), params, query, body });
    await record("admin", op, path, { token: await fresh(f.admin.id), params, query, body });
  }
  setClock(null);
  return out;
}

export function serialise(xs: Exchange[]): string {
  return JSON.stringify(xs, null, 1) + "\n";
}
