import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loginThrottles } from "@/db/schema";
import { now } from "@/base/clock";
import { AppError } from "@/lib/errors";

// Throttling in fixed windows: failed sign-ins per account and per address, and screenshot
// uploads per user. A throttled key is refused until its window ends, so nobody is locked out
// for longer than its window.
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES = { account: 10, address: 50 } as const;
/**
 * Screenshot uploads per user. A desktop agent at its smallest interval sends one a minute
 * (10 in 10 minutes); 60 leaves room for an agent flushing a backlog after a network outage,
 * and refuses a client that uploads in a loop (one 59-megapixel PNG took 4.7 s to blur). An
 * agent told 429 keeps its screenshots and retries after Retry-After.
 */
export const UPLOAD_LIMIT = { max: 60, windowMs: 10 * 60_000 } as const;

type Kind = "account" | "address" | "upload";
const RULES: Record<Kind, { max: number; windowMs: number; refusal: string }> = {
  account: { max: MAX_FAILURES.account, windowMs: THROTTLE_WINDOW_MS, refusal: "Too many failed sign-in attempts" },
  address: { max: MAX_FAILURES.address, windowMs: THROTTLE_WINDOW_MS, refusal: "Too many failed sign-in attempts" },
  upload: { max: UPLOAD_LIMIT.max, windowMs: UPLOAD_LIMIT.windowMs, refusal: `Too many screenshot uploads (at most ${UPLOAD_LIMIT.max} in ${UPLOAD_LIMIT.windowMs / 60_000} minutes)` },
};

export type ThrottleKey = { kind: Kind; id: string };
// Ids come from the client (an e-mail, a forwarded address): capped, so a long header
// cannot make a long primary key.
const keyOf = (k: ThrottleKey) => `${k.kind}:${k.id.toLowerCase().slice(0, 320)}`;

/** Refuses with 429 and Retry-After while any of the keys is locked. */
export async function assertNotThrottled(db: Db, keys: ThrottleKey[]): Promise<void> {
  const t = now();
  const rows = await db.select().from(loginThrottles).where(inArray(loginThrottles.key, keys.map(keyOf)));
  let until = 0;
  let refusal = "";
  for (const r of rows) {
    if (!r.lockedUntil || r.lockedUntil <= t || r.lockedUntil.getTime() <= until) continue;
    until = r.lockedUntil.getTime();
    refusal = RULES[keys.find((k) => keyOf(k) === r.key)!.kind].refusal;
  }
  if (until > 0) {
    const seconds = Math.max(1, Math.ceil((until - t.getTime()) / 1000));
    throw new AppError("rate_limited", `${refusal}; try again in ${seconds} seconds`, { retryAfter: seconds }, { "Retry-After": String(seconds) });
  }
}

/** Counts an attempt against every key; a key that reaches its limit is locked until its window ends. */
export async function recordAttempt(db: Db, keys: ThrottleKey[]): Promise<void> {
  const t = now();
  for (const k of keys) {
    const { max: limit, windowMs } = RULES[k.kind];
    const windowStart = new Date(t.getTime() - windowMs).toISOString();
    await db
      .insert(loginThrottles)
      .values({ key: keyOf(k), failures: 1, windowStartedAt: t, lockedUntil: limit <= 1 ? new Date(t.getTime() + windowMs) : null })
      .onConflictDoUpdate({
        target: loginThrottles.key,
        set: {
          failures: sql`case when ${loginThrottles.windowStartedAt} < ${windowStart}::timestamptz then 1 else ${loginThrottles.failures} + 1 end`,
          windowStartedAt: sql`case when ${loginThrottles.windowStartedAt} < ${windowStart}::timestamptz then ${t.toISOString()}::timestamptz else ${loginThrottles.windowStartedAt} end`,
          lockedUntil: sql`case
            when ${loginThrottles.windowStartedAt} < ${windowStart}::timestamptz then null
            when ${loginThrottles.failures} + 1 >= ${limit} then ${loginThrottles.windowStartedAt} + interval '${sql.raw(String(windowMs / 1000))} seconds'
            else ${loginThrottles.lockedUntil} end`,
        },
      });
  }
}

/** A failed sign-in counts against the account and the address. */
export const recordFailure = recordAttempt;

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
