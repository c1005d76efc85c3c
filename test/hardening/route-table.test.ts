import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { routeTable } from "@/app/routes.generated";
import { handlerOf, METHODS } from "@/lib/openapi/build";
import { familyOf } from "@/lib/http/envelope";
import { testDbKind } from "../db";
import { call, makeOrg } from "../helpers";

// Every route, from the one route table: a new route is covered without anyone adding it here.
const operations = routeTable
  .filter((r) => !r.catchAll)
  .flatMap((r) =>
    METHODS.flatMap((method) => {
      const h = handlerOf(r.module, method);
      return h ? [{ pattern: r.pattern, method, handler: h }] : [];
    }),
  );

function concrete(pattern: string): { path: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const path = pattern.replace(/\{([^}]+)\}/g, (_, name: string) => (params[name] = randomUUID()));
  return { path, params };
}

const secured = operations.filter((o) => (o.handler.spec.auth ?? "required") === "required");
const adminOnly = operations.filter((o) => o.handler.spec.permission === "ORG_ADMIN" || o.handler.spec.permission === "CAN_APPROVE_TIMESHEET");

describe(`every route (${testDbKind()})`, () => {
  // it.each over an empty list passes without running anything: these keep the tables below honest
  it("enumerates the routes, the secured ones and the admin-only ones", () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(secured.length).toBeGreaterThan(40);
    expect(secured.map((o) => `${o.method} ${o.pattern}`)).toContain("POST /v1/dashboard/weekly-summary");
    expect(adminOnly.map((o) => `${o.method} ${o.pattern}`)).toEqual(expect.arrayContaining(["POST /v1/productivity-rules", "PUT /api/timesheet/approve"]));
  });

  it.each(secured.map((o) => [o.method, o.pattern, o] as const))("%s %s answers 401 without credentials", async (method, pattern, o) => {
    const { path, params } = concrete(pattern);
    const res = await call(o.handler, method, path, { params, body: method === "GET" ? undefined : {} });
    expect(res.status).toBe(401);
    const family = familyOf(path);
    if (family === "dashboard" || family === "pow") expect(res.body.error.code).toBe("AUTHORIZATION_HEADER_MISSING");
    else if (family === "v1") expect(res.body.code).toBe("unauthorized");
    else expect(res.body.error).toBe("unauthorized");
  });

  it.each(secured.map((o) => [o.method, o.pattern, o] as const))("%s %s answers 401 for a tampered token", async (method, pattern, o) => {
    const org = await makeOrg();
    const { path, params } = concrete(pattern);
    const token = org.admin.token.slice(0, -4) + (org.admin.token.endsWith("AAAA") ? "BBBB" : "AAAA");
    const res = await call(o.handler, method, path, { params, token, body: method === "GET" ? undefined : {} });
    expect(res.status).toBe(401);
  });

  it.each(adminOnly.map((o) => [o.method, o.pattern, o] as const))("%s %s answers 403 to a plain member", async (method, pattern, o) => {
    const org = await makeOrg();
    const { path, params } = concrete(pattern);
    const res = await call(o.handler, method, path, { params, token: org.outsider.token, body: method === "GET" ? undefined : {} });
    expect(res.status).toBe(403);
  });
});
