import { describe, expect, it } from "vitest";
import { makeOrg } from "../helpers";
import { api } from "../client";

// The typed client reaches the route the pattern names, with the URL its family answers for.
describe("typed test client", () => {
  it("fills path params and answers in the route's family", async () => {
    const org = await makeOrg();
    const me = await api("GET", "/v1/users/{userId}", { token: org.member.token, params: { userId: org.member.id } });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(org.member.id);
    const other = await api("GET", "/v1/users/{userId}", { params: { userId: org.member.id } });
    expect(other.status).toBe(401);
    expect(other.body.code).toBe("unauthorized");
    const status = await api("GET", "/api/timesheet/timer/status", { token: org.member.token });
    expect(status.status).toBe(200);
    const dash = await api("POST", "/v1/dashboard/weekly-summary", { body: {} });
    expect(dash.body.error.code).toBe("AUTHORIZATION_HEADER_MISSING");
  });

  it("does not compile for a route or method the table lacks, or a missing param", () => {
    // @ts-expect-error no such route
    void (() => api("GET", "/v1/nope"));
    // @ts-expect-error the route has no DELETE
    void (() => api("DELETE", "/v1/auth/login"));
    // @ts-expect-error params are required
    void (() => api("GET", "/v1/users/{userId}", {}));
  });
});
