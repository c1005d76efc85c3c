import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, type ErrorCode } from "@/lib/errors";
import { route } from "@/lib/http/handler";
import { GET as health } from "@/app/api/health/route";
import * as v1CatchAll from "@/app/v1/[...slug]/route";
import * as apiCatchAll from "@/app/api/[...slug]/route";
import { openDatabase, setDbHandle, getDbHandle } from "@/db/client";
import { resetBreaker, tripBreaker } from "@/lib/http/db-breaker";
import { testDbKind } from "../db";
import { call, makeOrg } from "../helpers";

const throwing = (code: ErrorCode) =>
  route({
    family: "by-url",
    auth: "none",
    handler: async () => {
      throw new AppError(code, `failed with ${code}`);
    },
  });

const cases: Array<[ErrorCode, number]> = [
  ["bad_request", 400],
  ["unauthorized", 401],
  ["forbidden", 403],
  ["not_found", 404],
  ["method_not_allowed", 405],
  ["conflict", 409],
  ["time_entry_overlap", 409],
  ["payload_too_large", 413],
  ["validation_failed", 422],
  ["timesheet_locked", 423],
  ["rate_limited", 429],
  ["service_unavailable", 503],
];

describe(`handler wrapper (${testDbKind()})`, () => {
  it.each(cases)("renders %s as %i in every family's envelope", async (code, status) => {
    const h = throwing(code);
    const v1 = await call(h, "GET", "/v1/anything");
    expect(v1.status).toBe(status);
    expect(v1.body).toEqual({ message: `failed with ${code}`, code });
    expect(v1.headers.get("x-request-id")).toMatch(/.{8,}/);

    const ts = await call(h, "GET", "/api/timesheet/anything");
    expect(ts.status).toBe(status);
    expect(ts.body).toEqual({ statusCode: status, error: code, message: `failed with ${code}` });

    const dash = await call(h, "POST", "/v1/dashboard/weekly-summary");
    expect(dash.status).toBe(status);
    expect(dash.body).toMatchObject({ success: false, statusCode: status, data: null, error: { message: `failed with ${code}` } });
    expect(dash.body.error.code).toMatch(/^[A-Z_]+$/);

    const pow = await call(h, "POST", "/v1/proof-of-work/timesheet");
    expect(pow.status).toBe(status);
    // the dashboard family's error envelope (issue 14), not the success envelope with `response: null`
    expect(pow.body).toEqual({ success: false, statusCode: status, statusMessage: `failed with ${code}`, data: null, error: { message: `failed with ${code}`, code: dash.body.error.code } });
  });

  it("hides unknown errors behind a generic 500", async () => {
    const h = route({
    family: "by-url",
      auth: "none",
      handler: async () => {
        throw new Error("secret internals: password=hunter2");
      },
    });
    const res = await call(h, "GET", "/v1/boom");
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain("hunter2");
    expect(res.body).toEqual({ message: "Internal server error", code: "internal" });
  });

  const echo = route({
    family: "by-url",
    auth: "none",
    params: z.object({ id: z.uuid() }),
    query: z.object({ page: z.coerce.number().int().min(1).default(1) }),
    body: z.object({ startedAt: z.iso.datetime(), description: z.string().max(10).optional() }),
    status: 201,
    handler: async ({ params, query, body }) => ({ params, query, body }),
  });
  const id = "6f1c2b1e-8a7d-4a55-9b0e-3c1d2e3f4a5b";

  it("parses params, query and body", async () => {
    const res = await call(echo, "POST", "/v1/echo", { params: { id }, query: { page: 2 }, body: { startedAt: "2026-01-05T09:00:00Z" } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ params: { id }, query: { page: 2 }, body: { startedAt: "2026-01-05T09:00:00Z" } });
  });

  it.each([
    [{ params: { id: "nope" }, body: { startedAt: "2026-01-05T09:00:00Z" } }, 400, "params.id"],
    [{ params: { id }, query: { page: 0 }, body: { startedAt: "2026-01-05T09:00:00Z" } }, 422, "query.page"],
    [{ params: { id }, body: { startedAt: "yesterday" } }, 422, "body.startedAt"],
    [{ params: { id }, body: { startedAt: "2026-01-05T09:00:00Z", description: "far too long a text" } }, 422, "body.description"],
    [{ params: { id }, body: {} }, 422, "body.startedAt"],
  ])("names the offending field (%#)", async (opts, status, field) => {
    const res = await call(echo, "POST", "/v1/echo", opts);
    expect(res.status).toBe(status);
    expect(res.body.message).toContain(field);
    expect(res.body.details.field).toBe(field);
  });

  it("answers 400 for malformed JSON and 413 for an oversized body", async () => {
    const bad = await call(echo, "POST", "/v1/echo", { params: { id }, rawBody: "{not json", headers: { "content-type": "application/json" } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain("body");
    const big = await call(echo, "POST", "/v1/echo", { params: { id }, rawBody: JSON.stringify({ startedAt: "x".repeat(1024 * 1024 + 10) }) });
    expect(big.status).toBe(413);
  });

  it("requires credentials by default and rejects bad tokens", async () => {
    const whoami = route({ family: "by-url", handler: async ({ caller }) => ({ userId: caller.userId }) });
    const org = await makeOrg();
    const none = await call(whoami, "GET", "/v1/me");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    const dash = await call(whoami, "POST", "/v1/dashboard/weekly-summary");
    expect(dash.body.error.code).toBe("AUTHORIZATION_HEADER_MISSING");
    for (const token of ["garbage", org.member.token.slice(0, -2) + "xx", org.member.token.replace("tbat_", "tbrt_")]) {
      const res = await call(whoami, "GET", "/v1/me", { token });
      expect(res.status).toBe(401);
    }
    const ok = await call(whoami, "GET", "/v1/me", { token: org.member.token });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ userId: org.member.id });
  });

  it("checks the route's permission", async () => {
    const adminOnly = route({ family: "by-url", permission: "ORG_ADMIN", handler: async () => ({ ok: true }) });
    const approver = route({ family: "by-url", permission: "CAN_APPROVE_TIMESHEET", handler: async () => ({ ok: true }) });
    const org = await makeOrg();
    expect((await call(adminOnly, "GET", "/v1/x", { token: org.member.token })).status).toBe(403);
    expect((await call(adminOnly, "GET", "/v1/x", { token: org.admin.token })).status).toBe(200);
    expect((await call(approver, "GET", "/v1/x", { token: org.member.token })).status).toBe(403);
    expect((await call(approver, "GET", "/v1/x", { token: org.manager.token })).status).toBe(200);
  });

  it("answers unknown paths with a JSON 404", async () => {
    const a = await call(v1CatchAll.GET, "GET", "/v1/no/such/thing");
    expect(a.status).toBe(404);
    expect(a.body.code).toBe("not_found");
    const b = await call(apiCatchAll.DELETE, "DELETE", "/api/nothing-here");
    expect(b.status).toBe(404);
    expect(b.body.error).toBe("not_found");
  });
});

describe(`health (${testDbKind()})`, () => {
  it("reports the database and the applied migration", async () => {
    const res = await call(health, "GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", database: testDbKind(), migration: expect.stringMatching(/^\d{4}_/) });
  });

  it("answers 503 when the database is gone", async () => {
    const working = await getDbHandle();
    const gone =
      testDbKind() === "postgres"
        ? await openDatabase({ url: "postgres://postgres@127.0.0.1:1/none" })
        : await openDatabase({ dataDir: "memory://" });
    if (testDbKind() === "pglite") await gone.close();
    setDbHandle(gone);
    try {
      const res = await call(health, "GET", "/api/health");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
    } finally {
      setDbHandle(working);
      resetBreaker();
      if (testDbKind() === "postgres") await gone.close();
    }
  });

  it("answers 503 at once while the database is known to be down, then recovers", async () => {
    tripBreaker();
    try {
      const t = Date.now();
      const res = await call(health, "GET", "/api/health");
      expect(res.status).toBe(503);
      expect(Date.now() - t).toBeLessThan(500);
    } finally {
      resetBreaker();
    }
    expect((await call(health, "GET", "/api/health")).status).toBe(200);
  });

  it("gives up on a waiting request at the deadline once the database is known to be down", async () => {
    resetBreaker({ deadlineMs: 200 });
    const hanging = route({ family: "by-url", auth: "none", handler: () => new Promise(() => {}) });
    const slow = route({ family: "by-url", auth: "none", handler: () => new Promise((r) => setTimeout(() => r({ ok: true }), 400)) });
    try {
      // healthy database: a slow request is not cut off
      expect((await call(slow, "GET", "/v1/slow")).status).toBe(200);
      const pending = call(hanging, "GET", "/v1/hang");
      setTimeout(() => tripBreaker(), 50);
      const res = await pending;
      expect(res.status).toBe(503);
    } finally {
      resetBreaker();
    }
  });

  it("still gives up at the deadline after the breaker closed again while the database was found down recently", async () => {
    resetBreaker({ deadlineMs: 200 });
    const hanging = route({ family: "by-url", auth: "none", handler: () => new Promise(() => {}) });
    try {
      tripBreaker(Date.now() - 5000); // found down 5 s ago: the breaker is closed, the suspicion stays
      const t = Date.now();
      const res = await call(hanging, "GET", "/v1/hang");
      expect(res.status).toBe(503);
      expect(Date.now() - t).toBeLessThan(2000);
    } finally {
      resetBreaker();
    }
  });
});
