import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { renderTable, tablePath } from "@/scripts/gen-routes";
import { routeTable } from "@/app/routes.generated";
import { GET as openapi } from "@/app/api/openapi.json/route";
import { METHODS, handlerOf } from "@/lib/openapi/build";
import { call } from "../helpers";

describe("route table and OpenAPI document", () => {
  it("lists every route file (run `npm run routes:generate` after adding a route)", () => {
    expect(fs.readFileSync(tablePath, "utf8")).toBe(renderTable());
    // the loops below pass on an empty table
    expect(routeTable.filter((r) => !r.catchAll).length).toBeGreaterThan(40);
  });

  it("has every exported method built with the handler wrapper", () => {
    // catch-alls are the JSON 404s and next-auth's own handler
    for (const r of routeTable.filter((r) => !r.catchAll)) {
      for (const method of METHODS) {
        const exported = (r.module as Record<string, unknown>)[method];
        if (exported !== undefined) expect(handlerOf(r.module, method), `${method} ${r.pattern}`).toBeDefined();
      }
    }
  });

  it("documents every operation of every route", async () => {
    const res = await call(openapi, "GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    for (const r of routeTable) {
      if (r.catchAll) continue;
      for (const method of METHODS) {
        if (!handlerOf(r.module, method)) continue;
        const op = res.body.paths[r.pattern]?.[method.toLowerCase()];
        expect(op, `${method} ${r.pattern} is documented`).toBeDefined();
        expect(op.summary, `${method} ${r.pattern} has a summary`).toBeTruthy();
      }
    }
    expect(res.body.components.securitySchemes.bearerAuth.scheme).toBe("bearer");
  });
});
