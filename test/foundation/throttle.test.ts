import { afterEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { setClock } from "@/base/clock";
import { assertNotThrottled, clearFailures, MAX_FAILURES, recordFailure, THROTTLE_WINDOW_MS } from "@/lib/services/platform";
import { testDbKind } from "../db";
import { db } from "../helpers";

afterEach(() => setClock(null));

describe(`sign-in throttle (${testDbKind()})`, () => {
  it("locks an account after too many failures, for at most one window", async () => {
    const d = await db();
    const start = new Date("2026-05-01T10:00:00Z");
    setClock(() => start);
    const keys = [{ kind: "account" as const, id: `${randomUUID()}@example.test` }];
    for (let i = 0; i < MAX_FAILURES.account - 1; i++) await recordFailure(d, keys);
    await assertNotThrottled(d, keys);
    await recordFailure(d, keys);
    const err = await assertNotThrottled(d, keys).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("rate_limited");
    expect(Number((err as AppError).headers!["Retry-After"])).toBeLessThanOrEqual(THROTTLE_WINDOW_MS / 1000);
    setClock(() => new Date(start.getTime() + THROTTLE_WINDOW_MS + 1000));
    await assertNotThrottled(d, keys);
    // a new window starts from one failure
    await recordFailure(d, keys);
    await assertNotThrottled(d, keys);
  });

  it("counts addresses separately and clears an account on success", async () => {
    const d = await db();
    setClock(() => new Date("2026-05-01T10:00:00Z"));
    const account = { kind: "account" as const, id: `${randomUUID()}@example.test` };
    const address = { kind: "address" as const, id: `10.0.0.${Math.floor(Math.random() * 200)}-${randomUUID()}` };
    for (let i = 0; i < MAX_FAILURES.account - 1; i++) await recordFailure(d, [account, address]);
    await clearFailures(d, [account]);
    await recordFailure(d, [account, address]);
    await assertNotThrottled(d, [account, address]);
  });
});
