import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { routeTable } from "@/app/routes.generated";
import { methodsPath, renderMethods } from "@/scripts/gen-routes";
import { handlerOf, METHODS } from "@/lib/openapi/build";
import { familyOf } from "@/lib/http/envelope";
import { routeMethods } from "@/lib/http/route-methods.generated";
import { routeFor } from "@/lib/http/method-not-allowed";
import { proxy } from "@/proxy";

// Issue 14: a wrong method answered an empty 405 without Allow (Next.js's own answer). The proxy
// answers from the route table instead, in the family's envelope.

const concrete = (pattern: string) => pattern.replace(/\{[^}]+\*\}/g, "a/b").replace(/\{[^}]+\}/g, () => randomUUID());

const wrong = routeTable
  .filter((r) => !r.catchAll || r.pattern.startsWith("/api/auth/"))
  .flatMap((r) => {
    const allowed = METHODS.filter((m) => typeof r.module[m as keyof typeof r.module] === "function");
    return METHODS.filter((m) => !allowed.includes(m)).map((method) => ({ method, pattern: r.pattern, allowed }));
  });

async function send(method: string, path: string, headers: Record<string, string> = {}) {
  const res = proxy(new NextRequest(new URL(path, "http://localhost:3000"), { method, headers, body: ["POST", "PUT", "PATCH"].includes(method) ? "{}" : undefined }));
  return res;
}

describe("405 Method Not Allowed", () => {
  it("the method table is generated from the route files and matches their exports", () => {
    expect(fs.readFileSync(methodsPath, "utf8")).toBe(renderMethods());
    for (const r of routeTable) {
      const exported = METHODS.filter((m) => typeof r.module[m as keyof typeof r.module] === "function");
      expect(routeMethods.find((x) => x.pattern === r.pattern)?.methods, r.pattern).toEqual(exported);
    }
    expect(wrong.length).toBeGreaterThan(100);
  });

  it.each(wrong.map((w) => [w.method, w.pattern, w] as const))("%s %s answers 405 in its family's envelope with Allow", async (method, pattern, w) => {
    const path = concrete(pattern);
    const res = await send(method, path);
    expect(res.status).toBe(405);
    const allow = res.headers.get("allow")!.split(", ");
    expect(allow).toEqual([...w.allowed, ...(w.allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"]);
    expect(allow).not.toContain(method);
    const body = await res.json();
    const family = familyOf(path);
    if (family === "v1") expect(body).toMatchObject({ code: "method_not_allowed", message: expect.stringContaining(method) });
    else if (family === "timesheet") expect(body).toMatchObject({ statusCode: 405, error: "method_not_allowed", message: expect.stringContaining(method) });
    else expect(body).toMatchObject({ success: false, statusCode: 405, data: null, error: { code: "METHOD_NOT_ALLOWED", message: expect.stringContaining(method) } });
  });

  it("lets every exported method, unknown paths and HEAD/OPTIONS through to Next.js", async () => {
    for (const r of routeTable.filter((x) => !x.catchAll)) {
      for (const m of METHODS.filter((x) => handlerOf(r.module, x))) {
        const res = await send(m, concrete(r.pattern));
        expect(res.headers.get("x-middleware-next"), `${m} ${r.pattern}`).toBe("1");
      }
    }
    for (const [m, p] of [["DELETE", "/v1/no-such-thing"], ["PATCH", "/api/nothing/here"], ["HEAD", "/v1/projects"], ["OPTIONS", "/v1/projects"]] as const) {
      expect((await send(m, p)).headers.get("x-middleware-next"), `${m} ${p}`).toBe("1");
    }
  });

  it("picks the route Next.js picks (static segments before dynamic ones)", () => {
    expect(routeFor("/v1/tasks/clock-in/name/write-docs")?.pattern).toBe("/v1/tasks/clock-in/name/{name}");
    expect(routeFor(`/v1/tasks/${randomUUID()}/tracks`)?.pattern).toBe("/v1/tasks/{taskId}/tracks");
    expect(routeFor("/api/timesheet/time-log/report/daily-chart")?.pattern).toBe("/api/timesheet/time-log/report/daily-chart");
    expect(routeFor("/api/auth/session")?.pattern).toBe("/api/auth/{nextauth*}");
    expect(routeFor("/v1/unknown/path")?.pattern).toBe("/v1/{slug*}");
  });
});
