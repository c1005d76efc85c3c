import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/v1/auth/login/route";
import { POST as timeSlot } from "@/app/api/timesheet/time-slot/route";
import { testDbKind } from "../db";
import { makeOrg } from "../helpers";

// A chunked body (no Content-Length) far over the limit: the reader must stop near the limit,
// not hold the whole body, and idempotent routes must not hash it first.
function endless(chunk = 64 * 1024, chunks = 1024) {
  const stats = { pulled: 0 };
  const data = new Uint8Array(chunk).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled >= chunk * chunks) return controller.close();
      stats.pulled += chunk;
      controller.enqueue(data);
    },
  });
  return { stream, stats, total: chunk * chunks };
}

const post = (handler: typeof login, path: string, body: ReadableStream, headers: Record<string, string> = {}) =>
  handler(new Request(`http://localhost:3000${path}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers }, duplex: "half" } as RequestInit), {
    params: Promise.resolve({}),
  });

describe(`streamed body limits (${testDbKind()})`, () => {
  it("stops reading a 64 MiB chunked login body at the 1 MiB limit (413)", async () => {
    const { stream, stats, total } = endless();
    const res = await post(login, "/v1/auth/login", stream);
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe("payload_too_large");
    expect(stats.pulled).toBeLessThan(2 * 1024 * 1024);
    expect(stats.pulled).toBeLessThan(total);
  });

  it("checks the size before hashing on an idempotent route (413, reader stopped early)", async () => {
    const org = await makeOrg();
    const { stream, stats } = endless();
    const res = await post(timeSlot, "/api/timesheet/time-slot", stream, { authorization: `Bearer ${org.member.token}`, "idempotency-key": "big-body-1" });
    expect(res.status).toBe(413);
    expect(stats.pulled).toBeLessThan(2 * 1024 * 1024);
  });
});
