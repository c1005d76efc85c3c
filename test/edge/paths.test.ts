import { describe, expect, it } from "vitest";
import { GET as getUser } from "@/app/v1/users/[userId]/route";
import { GET as v1CatchAll } from "@/app/v1/[...slug]/route";
import { GET as apiCatchAll } from "@/app/api/[...slug]/route";
import { testDbKind } from "../db";
import { call, makeOrg } from "../helpers";

// Malformed percent-escapes are the client's error: 400 in the family's envelope, never 500.
describe(`malformed paths (${testDbKind()})`, () => {
  it("answers 400 for a bad percent-escape in a route param", async () => {
    const org = await makeOrg();
    const res = await call(getUser, "GET", "/v1/users/%E0%A4%A", { token: org.admin.token, params: { userId: "%E0%A4%A" } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("bad_request");
  });

  it("answers 400 on the catch-all routes of each family", async () => {
    const v1 = await call(v1CatchAll, "GET", "/v1/nothing/%E0%A4%A", { params: { slug: ["nothing", "%E0%A4%A"] } });
    expect(v1.status).toBe(400);
    const dash = await call(v1CatchAll, "GET", "/v1/dashboard/%E0%A4%A", { params: { slug: ["dashboard", "%E0%A4%A"] } });
    expect(dash.status).toBe(400);
    expect(dash.body.success).toBe(false);
    expect(dash.body.error.code).toBe("REQUEST_VALIDATION_FAILED");
    const ts = await call(apiCatchAll, "GET", "/api/timesheet/%E0%A4%A", { params: { slug: ["timesheet", "%E0%A4%A"] } });
    expect(ts.status).toBe(400);
  });

  it("treats a session cookie with a malformed escape as a bad credential (401), not a crash", async () => {
    const org = await makeOrg();
    const res = await call(getUser, "GET", `/v1/users/${org.admin.id}`, { params: { userId: org.admin.id }, headers: { cookie: "next-auth.session-token=%E0%A4%A" } });
    expect(res.status).toBe(401);
  });
});
