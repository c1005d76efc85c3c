import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { POST as createProject, GET as listProjects } from "@/app/v1/projects/route";
import { POST as upload } from "@/app/api/timesheet/screenshot/route";
import { POST as bulk } from "@/app/api/timesheet/activity/bulk/route";
import { testDbKind } from "../db";
import { call, makeOrg } from "../helpers";
import { changedTables, checksum, fillPath, operations, sample, schemasOf, toQuery, type JsonSchema } from "./kit";

// Body size, page size, text length and the pages' security headers.

const HUGE = "x".repeat(100_000);

/** Every string field of a JSON schema (top level and one level into objects and arrays of objects). */
function stringFields(s: JsonSchema | undefined, prefix: string[] = []): string[][] {
  if (!s) return [];
  const branches: JsonSchema[] = s.anyOf ?? s.oneOf ?? [s];
  const out: string[][] = [];
  for (const b of branches) {
    if (b.type === "string" && !b.enum && b.format !== "uuid" && b.format !== "date-time" && prefix.length) out.push(prefix);
    if (b.type === "object") for (const [k, v] of Object.entries((b.properties ?? {}) as Record<string, JsonSchema>)) out.push(...stringFields(v, [...prefix, k]));
    if (b.type === "array" && b.items?.type === "object") out.push(...stringFields(b.items, [...prefix, "0"]));
  }
  return out.filter((p, i) => out.findIndex((q) => q.join(".") === p.join(".")) === i);
}

function setPath(obj: any, path: string[], value: unknown): any {
  const copy = structuredClone(obj ?? {});
  let cur = copy;
  for (const [i, k] of path.entries()) {
    if (i === path.length - 1) cur[k] = value;
    else cur = cur[k] ??= /^\d+$/.test(path[i + 1]!) ? [] : {};
  }
  return copy;
}

const textCases = operations.flatMap((op) => {
  const { body, query } = schemasOf(op);
  return [
    ...stringFields(body).map((p) => ({ op, where: "body" as const, path: p })),
    ...stringFields(query).map((p) => ({ op, where: "query" as const, path: p })),
  ];
});

describe(`limits (${testDbKind()})`, () => {
  it("caps a JSON body (413) and changes nothing", async () => {
    const org = await makeOrg();
    const before = await checksum(org.id);
    const res = await call(createProject, "POST", "/v1/projects", { token: org.admin.token, rawBody: JSON.stringify({ name: "p", description: "d".repeat(1_100_000) }), headers: { "content-type": "application/json" } });
    expect(res.status).toBe(413);
    const big = await call(bulk, "POST", "/api/timesheet/activity/bulk", { token: org.admin.token, rawBody: JSON.stringify({ activities: [], pad: "x".repeat(5 * 1024 * 1024) }), headers: { "content-type": "application/json" } });
    expect(big.status).toBe(413);
    expect(changedTables(before, await checksum(org.id))).toEqual([]);
  });

  it("caps the multipart screenshot upload (413)", async () => {
    const org = await makeOrg();
    const fd = new FormData();
    fd.append("file", new Blob([new Uint8Array(11 * 1024 * 1024)], { type: "image/png" }), "big.png");
    fd.append("recordedAt", new Date().toISOString());
    const res = await call(upload, "POST", "/api/timesheet/screenshot", { token: org.member.token, rawBody: fd });
    expect(res.status).toBe(413);
  });

  it("refuses a page size over 200 (limit=100000 is 422 naming query.limit)", async () => {
    const org = await makeOrg();
    const res = await call(listProjects, "GET", "/v1/projects", { token: org.admin.token, query: { limit: 100000 } });
    expect(res.status).toBe(422);
    expect(res.body.details.field).toBe("query.limit");
  });

  it("finds string fields to test", () => expect(textCases.length).toBeGreaterThan(20));

  it.each(textCases.map((c) => [c.op.method, c.op.pattern, c.where, c.path.join("."), c] as const))(
    "%s %s: a 100k-character %s.%s is refused with a 4xx",
    async (method, pattern, where, _field, c) => {
      const org = await makeOrg();
      const s = schemasOf(c.op);
      const named = { uuid: org.member.id, ids: [org.member.id] };
      const params = Object.fromEntries(c.op.pathParams.map((p) => [p, p === "orgId" ? org.id : p === "userId" ? org.member.id : "00000000-0000-4000-8000-000000000000"]));
      const body = where === "body" ? setPath(sample(s.body, named), c.path, HUGE) : s.body ? sample(s.body, named) : undefined;
      const query = where === "query" ? setPath(sample(s.query, named), c.path, HUGE) : sample(s.query, named);
      const token = c.op.handler.spec.auth === "none" ? undefined : org.admin.token;
      const res = await call(c.op.handler, method, fillPath(pattern, params), { token, params, body, query: toQuery(query) });
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBeLessThan(500);
    },
  );

  it("sends CSP with frame-ancestors, nosniff and a referrer policy on every page", async () => {
    const rules = await nextConfig.headers!();
    // every path but the screenshot file routes, which keep their own sandbox policy
    const all = rules.find((r) => r.source.startsWith("/:path"));
    expect(all).toBeDefined();
    const files = rules.find((r) => r.source.startsWith("/api/timesheet/screenshot"));
    expect(files!.headers.find((x) => x.key === "Content-Security-Policy")!.value).toBe("sandbox; default-src 'none'");
    const pageRule = new RegExp(`^${all!.source.replace("/:path(", "/(")}$`);
    expect(pageRule.test("/app")).toBe(true);
    expect(pageRule.test("/api/timesheet/screenshot/abc/file")).toBe(false);
    expect(pageRule.test("/api/timesheet/screenshot/abc/thumb")).toBe(false);
    expect(pageRule.test("/api/timesheet/screenshot")).toBe(true);
    const h = Object.fromEntries(all!.headers.map((x) => [x.key.toLowerCase(), x.value]));
    expect(h["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect(h["content-security-policy"]).toMatch(/default-src 'self'/);
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toMatch(/strict-origin|no-referrer/);
    expect(h["x-frame-options"]).toBe("DENY");
    expect(nextConfig.poweredByHeader).toBe(false);
  });
});
