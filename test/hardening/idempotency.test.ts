import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as createLog } from "@/app/api/timesheet/time-log/route";
import { POST as upload } from "@/app/api/timesheet/screenshot/route";
import { rowsOf } from "@/db/sql";
import { testDbKind } from "../db";
import { call, db, makeOrg } from "../helpers";
import { form, patternImage } from "../screenshots/helpers";
import { operations } from "./kit";

// Agent uploads (activities, slots, screenshots, time logs) honour Idempotency-Key.

const AGENT_UPLOADS = ["POST /api/timesheet/activity/bulk", "POST /api/timesheet/time-slot", "POST /api/timesheet/screenshot", "POST /api/timesheet/time-log"];

async function count(table: string, orgId: string): Promise<number> {
  const [row] = rowsOf<{ n: number | string }>(await (await db()).execute(sql.raw(`select count(*) as n from ${table} where organization_id = '${orgId}'`)));
  return Number(row!.n);
}

describe(`idempotent agent uploads (${testDbKind()})`, () => {
  it.each(AGENT_UPLOADS)("%s is declared idempotent in the route table", (name) => {
    const op = operations.find((o) => `${o.method} ${o.pattern}` === name);
    expect(op?.handler.spec.idempotent).toBe(true);
  });

  it("a time log: same key and body replays the first answer and writes once; another body answers 422", async () => {
    const org = await makeOrg();
    const start = new Date(Date.now() - 40 * 3600_000);
    start.setUTCMilliseconds(0);
    const body = { startedAt: start.toISOString(), stoppedAt: new Date(start.getTime() + 600_000).toISOString() };
    const headers = { "idempotency-key": "log-key-1" };
    const first = await call(createLog, "POST", "/api/timesheet/time-log", { token: org.member.token, body, headers });
    const again = await call(createLog, "POST", "/api/timesheet/time-log", { token: org.member.token, body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await count("time_entries", org.id)).toBe(1);
    const other = await call(createLog, "POST", "/api/timesheet/time-log", { token: org.member.token, body: { ...body, description: "other" }, headers });
    expect(other.status).toBe(422);
    expect(await count("time_entries", org.id)).toBe(1);
  });

  it("a screenshot: the same key and form replays; another form answers 422", async () => {
    const org = await makeOrg();
    const bytes = await patternImage();
    const recordedAt = new Date(Date.now() - 3600_000).toISOString();
    const headers = { "idempotency-key": "shot-key-1" };
    // a retrying agent resends the very same bytes (same multipart boundary)
    const req = new Request("http://localhost/x", { method: "POST", body: form({ file: bytes, recordedAt }) });
    const raw = Buffer.from(await req.arrayBuffer());
    const ct = req.headers.get("content-type")!;
    const send = (b: Buffer) => call(upload, "POST", "/api/timesheet/screenshot", { token: org.member.token, rawBody: new Uint8Array(b), headers: { ...headers, "content-type": ct } });
    const first = await send(raw);
    const again = await send(raw);
    expect(first.status).toBe(201);
    // without the key the retry would answer 200 (the stored screenshot): a replay repeats the 201
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(await count("screenshots", org.id)).toBe(1);
    const other = await send(Buffer.concat([raw.subarray(0, raw.length - 2), Buffer.from("\r\n")]).fill(0x41, 200, 201));
    expect(other.status).toBe(422);
    expect(await count("screenshots", org.id)).toBe(1);
  });
});
