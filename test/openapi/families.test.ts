import { describe, expect, it } from "vitest";
import { routeTable } from "@/app/routes.generated";
import { handlerOf, METHODS } from "@/lib/openapi/build";
import { familyOf } from "@/lib/http/families";

// Issue 15 part 4: a route declares its family in its spec; the declaration must agree with the
// URL prefix convention, so a misdeclared route fails here.
describe("declared families", () => {
  const declared = routeTable.flatMap((r) =>
    METHODS.flatMap((m) => {
      const h = handlerOf(r.module, m);
      return h ? [[`${m} ${r.pattern}`, r.pattern, r.catchAll, h.spec.family] as const] : [];
    }),
  );

  it("covers every route", () => expect(declared.length).toBeGreaterThan(100));

  it.each(declared)("%s declares the family of its prefix", (_, pattern, catchAll, family) => {
    if (catchAll) expect(family).toBe("by-url");
    else expect(family).toBe(familyOf(pattern));
  });
});
