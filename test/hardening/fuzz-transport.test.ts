import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { createSession } from "@/lib/services/accounts";
import { testDbKind } from "../db";
import { call, db } from "../helpers";
import { checksum, changedTables, fillPath, furnishedOrg, furnishedParam, operations, webCookie, type Furnished } from "./kit";

// Issue 13's shapes on every route of the route table, beside fuzz.test.ts (generated bodies) and
// its out-of-range instants and zones: bodies streamed without Content-Length past the route's
// limit, cookie-authenticated writes without an Origin, and percent-escapes that do not decode.
// No answer is a 500, no refused request changes a row, and each shape gets its own refusal.

const kind = testDbKind();
const unsafe = (m: string) => !["GET", "HEAD", "OPTIONS"].includes(m);
const BROKEN = "%E0%A4%A";
const DEFAULT_LIMIT = 1024 * 1024;
const CHUNK = 64 * 1024;

/** A body of `total` bytes sent in chunks with no Content-Length, counting what the server pulled. */
function chunked(total: number) {
  const stats = { pulled: 0 };
  const data = new Uint8Array(CHUNK).fill(0x7b); // "{{{{…": never valid JSON, never a valid form
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled >= total) return controller.close();
      stats.pulled += CHUNK;
      controller.enqueue(data);
    },
  });
  return { stream, stats };
}

describe(`transport shapes on every route (${kind})`, () => {
  let f: Furnished;
  let bearer: string;
  let cookie: string;
  beforeAll(async () => {
    f = await furnishedOrg();
    bearer = f.admin.token;
    const web = await createSession(await db(), { orgId: f.id, userId: f.admin.id, kind: "web" });
    cookie = await webCookie(web.accessToken, f.admin.id);
  });

  const writes = operations.filter((o) => unsafe(o.method));
  const paramsOf = (pattern: string, names: string[]) => Object.fromEntries(names.map((k) => [k, furnishedParam(f, pattern, k)]));

  it("has writes and path parameters to probe", () => {
    expect(writes.length).toBeGreaterThan(40);
    expect(operations.filter((o) => o.pathParams.length > 0).length).toBeGreaterThan(20);
  });

  it.each(writes.map((o) => [o.method, o.pattern, o] as const))(
    "%s %s: a chunked body past the limit is refused early (no 500, nothing changed)",
    { timeout: 120_000 },
    async (method, pattern, op) => {
      const limit = op.handler.spec.maxBodyBytes ?? DEFAULT_LIMIT;
      const total = limit + 4 * 1024 * 1024;
      const { stream, stats } = chunked(total);
      const p = paramsOf(pattern, op.pathParams);
      const before = await checksum(f.id);
      const contentType = op.handler.spec.rawBody ? "multipart/form-data; boundary=x" : "application/json";
      const req = new Request(new URL(fillPath(pattern, p), "http://localhost:3000"), {
        method,
        body: stream,
        headers: { authorization: `Bearer ${bearer}`, "content-type": contentType },
        duplex: "half",
      } as RequestInit);
      const res = await op.handler(req, { params: Promise.resolve(p) });
      expect(res.status, `${method} ${pattern} → ${res.status}`).toBeLessThan(500);
      expect(res.status).toBeGreaterThanOrEqual(400);
      // the reader stopped near the limit instead of reading the whole body
      expect(stats.pulled).toBeLessThanOrEqual(limit + 2 * CHUNK);
      expect(changedTables(before, await checksum(f.id))).toEqual([]);
      if (res.status === 401) bearer = (await createSession(await db(), { orgId: f.id, userId: f.admin.id, kind: "password" })).accessToken;
    },
  );

  const cookieWrites = writes.filter((o) => (o.handler.spec.auth ?? "required") !== "none");
  it.each(cookieWrites.map((o) => [o.method, o.pattern, o] as const))(
    "%s %s: a cookie request without Origin is refused (403 csrf_rejected, nothing changed)",
    { timeout: 60_000 },
    async (method, pattern, op) => {
      const p = paramsOf(pattern, op.pathParams);
      const before = await checksum(f.id);
      const res = await call(op.handler, method, fillPath(pattern, p), {
        params: p,
        headers: { cookie, "content-type": "application/json" },
        rawBody: "{}",
      });
      expect(res.status, `${method} ${pattern} → ${res.status} ${JSON.stringify(res.body)}`).toBe(403);
      expect(JSON.stringify(res.body)).toMatch(/csrf_rejected/i);
      expect(changedTables(before, await checksum(f.id))).toEqual([]);
    },
  );

  const withParams = operations.filter((o) => o.pathParams.length > 0);
  it.each(withParams.map((o) => [o.method, o.pattern, o] as const))(
    "%s %s: a path parameter that does not decode answers 400 in the family's envelope",
    async (method, pattern, op) => {
      for (const name of op.pathParams) {
        const p = { ...paramsOf(pattern, op.pathParams), [name]: BROKEN };
        // Next.js's router meets the path first: proxy.ts answers it
        const path = pattern.replace(/\{([^}]+)\}/g, (_, n: string) => (n === name ? BROKEN : encodeURIComponent(p[n]!)));
        const viaProxy = proxy(new NextRequest(new URL(path, "http://localhost:3000"), { method, headers: { authorization: `Bearer ${bearer}` } }));
        expect(viaProxy.status, `${method} ${path}`).toBe(400);
        const body = await viaProxy.json();
        expect(JSON.stringify(body)).toMatch(/percent-escape/);
        if (pattern.startsWith("/v1/dashboard") || pattern.startsWith("/v1/proof-of-work")) expect(body.success).toBe(false);
        else if (pattern.startsWith("/v1")) expect(body.code).toBe("bad_request");
        else expect(body.statusCode).toBe(400);
        // and the handler, should a raw value ever reach it, answers 4xx too
        const direct = await call(op.handler, method, path, { token: bearer, params: p, ...(unsafe(method) ? { body: {} } : {}) });
        expect(direct.status, `${method} ${path} (handler)`).toBeGreaterThanOrEqual(400);
        expect(direct.status).toBeLessThan(500);
      }
    },
  );

  it.each(operations.map((o) => [o.method, o.pattern, o] as const))("%s %s: a query escape that does not decode is no 500", async (method, pattern, op) => {
    const p = paramsOf(pattern, op.pathParams);
    const path = `${fillPath(pattern, p)}?${["timeZone", "startDate", "limit", "q"].map((k) => `${k}=${BROKEN}`).join("&")}`;
    const res = await call(op.handler, method, path, { token: bearer, params: p, ...(unsafe(method) ? { body: {} } : {}) });
    expect(res.status, `${method} ${path} → ${res.status}`).toBeLessThan(500);
    if (res.status === 401) bearer = (await createSession(await db(), { orgId: f.id, userId: f.admin.id, kind: "password" })).accessToken;
  });
});
