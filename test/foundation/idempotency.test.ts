import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { auditLog } from "@/db/schema";
import { route } from "@/lib/http/handler";
import { audit } from "@/lib/services/platform";
import { AppError } from "@/lib/errors";
import { testDbKind } from "../db";
import { call, db, makeOrg } from "../helpers";

const upload = route({
    family: "by-url",
  idempotent: true,
  status: 201,
  body: z.object({ n: z.number().int() }),
  handler: async ({ db, caller, body }) => {
    if (body.n < 0) throw new AppError("validation_failed", "body.n: must not be negative");
    await audit(db, caller, "test.upload", { type: "test" }, { n: body.n });
    return { stored: body.n };
  },
});

async function uploads(orgId: string) {
  const d = await db();
  return d.select().from(auditLog).where(and(eq(auditLog.organizationId, orgId), eq(auditLog.action, "test.upload")));
}

describe(`Idempotency-Key (${testDbKind()})`, () => {
  it("replays the first answer for the same key and body and writes once", async () => {
    const org = await makeOrg();
    const headers = { "idempotency-key": "batch-0001" };
    const first = await call(upload, "POST", "/api/timesheet/upload", { token: org.member.token, body: { n: 1 }, headers });
    const again = await call(upload, "POST", "/api/timesheet/upload", { token: org.member.token, body: { n: 1 }, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await uploads(org.id)).toHaveLength(1);
  });

  it("refuses the same key with another body (422) and scopes keys per user", async () => {
    const org = await makeOrg();
    const headers = { "idempotency-key": "batch-0002" };
    await call(upload, "POST", "/api/timesheet/upload", { token: org.member.token, body: { n: 1 }, headers });
    const other = await call(upload, "POST", "/api/timesheet/upload", { token: org.member.token, body: { n: 2 }, headers });
    expect(other.status).toBe(422);
    expect(other.body.message).toContain("Idempotency-Key");
    const otherUser = await call(upload, "POST", "/api/timesheet/upload", { token: org.admin.token, body: { n: 2 }, headers });
    expect(otherUser.status).toBe(201);
    expect(await uploads(org.id)).toHaveLength(2);
  });

  it("does not keep the key of a failed request", async () => {
    const org = await makeOrg();
    const headers = { "idempotency-key": "batch-0003" };
    const failed = await call(upload, "POST", "/api/timesheet/upload", { token: org.member.token, body: { n: -1 }, headers });
    expect(failed.status).toBe(422);
    const retried = await call(upload, "POST", "/api/timesheet/upload", { token: org.member.token, body: { n: 3 }, headers });
    expect(retried.status).toBe(201);
  });

  it("writes once when the same request is sent concurrently", async () => {
    const org = await makeOrg();
    const headers = { "idempotency-key": "batch-0004" };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => call(upload, "POST", "/api/timesheet/upload", { token: org.member.token, body: { n: 4 }, headers })),
    );
    for (const r of results) expect([201, 409]).toContain(r.status);
    expect(await uploads(org.id)).toHaveLength(1);
  });
});
