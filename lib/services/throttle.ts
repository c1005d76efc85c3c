import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loginThrottles } from "@/db/schema";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";

// Sign-in throttling in fixed windows, per account and per address. A throttled key is
// refused until its window ends, so nobody is locked out for longer than WINDOW_MS.
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES = { account: 10, address: 50 } as const;

export type ThrottleKey = { kind: "account"; id: string } | { kind: "address"; id: string };
// Ids come from the client (an e-mail, a forwarded address): capped, so a long header
// cannot make a long primary key.
const keyOf = (k: ThrottleKey) => `${k.kind}:${k.id.toLowerCase().slice(0, 320)}`;

/** Refuses with 429 and Retry-After while any of the keys is locked. */
export async function assertNotThrottled(db: Db, keys: ThrottleKey[]): Promise<void> {
  const t = now();
  const rows = await db.select().from(loginThrottles).where(inArray(loginThrottles.key, keys.map(keyOf)));
  const until = Math.max(0, ...rows.map((r) => (r.lockedUntil && r.lockedUntil > t ? r.lockedUntil.getTime() : 0)));
  if (until > 0) {
    const seconds = Math.max(1, Math.ceil((until - t.getTime()) / 1000));
    throw new AppError("rate_limited", `Too many failed sign-in attempts; try again in ${seconds} seconds`, { retryAfter: seconds }, { "Retry-After": String(seconds) });
  }
}

/** Counts a failed attempt against every key; a key over its limit is locked until its window ends. */
export async function recordFailure(db: Db, keys: ThrottleKey[]): Promise<void> {
  const t = now();
  const windowStart = new Date(t.getTime() - THROTTLE_WINDOW_MS).toISOString();
  for (const k of keys) {
    const limit = MAX_FAILURES[k.kind];
    await db
      .insert(loginThrottles)
      .values({ key: keyOf(k), failures: 1, windowStartedAt: t, lockedUntil: limit <= 1 ? new Date(t.getTime() + THROTTLE_WINDOW_MS) : null })
      .onConflictDoUpdate({
        target: loginThrottles.key,
        set: {
          failures: sql`case when ${loginThrottles.windowStartedAt} < ${windowStart}::timestamptz then 1 else ${loginThrottles.failures} + 1 end`,
          windowStartedAt: sql`case when ${loginThrottles.windowStartedAt} < ${windowStart}::timestamptz then ${t.toISOString()}::timestamptz else ${loginThrottles.windowStartedAt} end`,
          lockedUntil: sql`case
            when ${loginThrottles.windowStartedAt} < ${windowStart}::timestamptz then null
            when ${loginThrottles.failures} + 1 >= ${limit} then ${loginThrottles.windowStartedAt} + interval '${sql.raw(String(THROTTLE_WINDOW_MS / 1000))} seconds'
            else ${loginThrottles.lockedUntil} end`,
        },
      });
  }
}

/**
 * Sign-up answers 409 for a registered e-mail (the seed's flow needs it), which would let anyone
 * test addresses at speed: each 409 counts, per e-mail and per address (keys of their own, so
 * they never lock sign-in), and a locked key answers 429 with Retry-After like login.
 */
export function signupKeys(email: string, address: string | null | undefined): ThrottleKey[] {
  return [
    { kind: "account", id: `signup:${email}` },
    { kind: "address", id: `signup:${address || "unknown"}` },
  ];
}

export async function throttledSignup<T>(db: Db, keys: ThrottleKey[], work: () => Promise<T>): Promise<T> {
  await assertNotThrottled(db, keys);
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError && err.code === "email_taken") await recordFailure(db, keys);
    throw err;
  }
}

/** A successful sign-in clears the account's count (not the address's). */
export async function clearFailures(db: Db, keys: ThrottleKey[]): Promise<void> {
  await db.delete(loginThrottles).where(inArray(loginThrottles.key, keys.map(keyOf)));
}
