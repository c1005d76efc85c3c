import { createHash } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { now } from "@/base/clock";
import { AppError } from "@/lib/errors";
import type { Caller } from "@/lib/auth/permissions";

// Stripe's semantics for agent uploads: the same Idempotency-Key with the same request replays
// the first answer and writes nothing; the same key with another request is refused (422).
//
// The claim, the request's own transaction and the recorded answer are three separate writes,
// so there is a crash window: if the process dies after the request committed and before
// `complete` stored its answer, the key stays claimed with no answer. A retry with that key is
// then answered 409 ("being processed") until the key expires (KEY_TTL_MS), and never runs the
// request twice: the window errs toward refusing a retry, not toward writing twice. Agents'
// uploads are also idempotent on their own natural keys (an activity's clientId, a
// screenshot's recordedAt), so a client that gives up on the key and sends again without
// one does not duplicate data either.

const KEY_TTL_MS = 24 * 3600_000;

export type IdempotencyClaim =
  | { kind: "replay"; status: number; body: unknown }
  | { kind: "claimed"; complete: (status: number, body: unknown) => Promise<void>; release: () => Promise<void> };

/** The request's method, path and body bytes, hashed; the caller reads the body once, within its size limit. */
export function requestFingerprint(req: Request, body: Uint8Array): string {
  return createHash("sha256").update(`${req.method} ${new URL(req.url).pathname}\n`).update(body).digest("hex");
}

export async function claimIdempotencyKey(db: Db, caller: Caller, key: string, fingerprint: string): Promise<IdempotencyClaim> {
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw new AppError("bad_request", "Idempotency-Key: must be 1 to 255 visible ASCII characters");
  const where = and(eq(idempotencyKeys.organizationId, caller.orgId), eq(idempotencyKeys.userId, caller.userId), eq(idempotencyKeys.key, key));
  const t = now();
  // an expired key may be reused
  await db.delete(idempotencyKeys).where(and(where, lt(idempotencyKeys.expiresAt, t)));
  const [claimed] = await db
    .insert(idempotencyKeys)
    .values({ organizationId: caller.orgId, userId: caller.userId, key, requestHash: fingerprint, expiresAt: new Date(t.getTime() + KEY_TTL_MS) })
    .onConflictDoNothing()
    .returning();
  if (!claimed) {
    const [existing] = await db.select().from(idempotencyKeys).where(where);
    if (!existing) throw new AppError("conflict", "Idempotency-Key: a request with this key is being processed; retry shortly");
    if (existing.requestHash !== fingerprint) {
      throw new AppError("validation_failed", "Idempotency-Key: this key was already used with a different request", { field: "Idempotency-Key" });
    }
    if (existing.responseStatus === null) {
      throw new AppError("conflict", "Idempotency-Key: a request with this key is being processed; retry shortly", undefined, { "Retry-After": "1" });
    }
    return { kind: "replay", status: existing.responseStatus, body: existing.responseBody };
  }
  return {
    kind: "claimed",
    complete: async (status, body) => {
      await db.update(idempotencyKeys).set({ responseStatus: status, responseBody: body as never }).where(where);
    },
    // a failed request does not keep its key: the client may retry it
    release: async () => {
      await db.delete(idempotencyKeys).where(where);
    },
  };
}
