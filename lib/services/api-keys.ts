import { and, desc, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { apiKeys, users, type ApiKey } from "@/db/schema";
import { now } from "@/lib/clock";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { isAdmin, type Caller } from "@/lib/auth/permissions";
import { hashesEqual, hashToken, issueToken, parseToken } from "@/lib/auth/tokens";
import type { ClientInfo } from "./accounts";
import { audit } from "./audit";
import { createSession, revokeApiKeySessions, type IssuedTokens } from "./sessions";
import { assertNotThrottled, recordFailure, type ThrottleKey } from "./throttle";
import { countWhere, paginate, type Page, type Paged } from "./paging";
import { inTx } from "./tx";

// Keys are `tb_` + (organisation, key id, 192 random bits); only the SHA-256 and the
// last four characters are stored, so a key is shown once, at creation or rotation.

export function apiKeyView(k: ApiKey) {
  return {
    id: k.id,
    userId: k.userId,
    name: k.name,
    last4: k.last4,
    lastUsedAt: k.lastUsedAt?.getTime() ?? null,
    createdAt: k.createdAt.toISOString(),
    updatedAt: k.updatedAt.toISOString(),
  };
}

export interface IssuedApiKey {
  apiKey: string;
  key: ApiKey;
}

async function insertKey(db: Db, orgId: string, userId: string, name: string): Promise<IssuedApiKey> {
  const id = randomUUID();
  const apiKey = issueToken("apiKey", orgId, id);
  const at = now();
  const [key] = await db
    .insert(apiKeys)
    .values({ organizationId: orgId, id, userId, name, keyHash: hashToken(apiKey), last4: apiKey.slice(-4), createdAt: at, updatedAt: at })
    .returning();
  return { apiKey, key: key! };
}

/** A key of the organisation the caller may manage: their own, or any for an admin. */
async function manageableKey(db: Db, caller: Caller, keyId: string): Promise<ApiKey> {
  const [key] = await db.select().from(apiKeys).where(and(eq(apiKeys.organizationId, caller.orgId), eq(apiKeys.id, keyId)));
  if (!key) throw notFound("API key");
  if (key.userId !== caller.userId && !isAdmin(caller)) throw forbidden("You may not manage another user's API key");
  return key;
}

/** Admins see every key of the organisation, everyone else their own. */
export async function listApiKeys(db: Db, caller: Caller, page?: Page): Promise<Paged<ApiKey>> {
  const where = and(eq(apiKeys.organizationId, caller.orgId), isAdmin(caller) ? undefined : eq(apiKeys.userId, caller.userId));
  const query = db.select().from(apiKeys).where(where).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)).$dynamic();
  return paginate(query, page, countWhere(db, apiKeys, where));
}

export const getApiKey = manageableKey;

/** A new key for the caller. */
/**
 * Keys are issued from a signed-in session only: a leaked key must not be able to mint (or
 * rotate itself into) keys its owner does not know about, which deleting it would not revoke.
 */
function assertNotApiKeySession(caller: Caller): void {
  if (caller.sessionKind === "api_key") throw forbidden("Create and rotate API keys from a signed-in session, not with an API key");
}

export async function createApiKey(db: Db, caller: Caller, input: { name: string }): Promise<IssuedApiKey> {
  assertNotApiKeySession(caller);
  return inTx(db, async (tx) => {
    const issued = await insertKey(tx, caller.orgId, caller.userId, input.name);
    await audit(tx, caller, "api_key.created", { type: "api_key", id: issued.key.id });
    return issued;
  });
}

/** Deletes a key; the sessions it opened fail on their next request. */
export async function deleteApiKey(db: Db, caller: Caller, keyId: string): Promise<void> {
  await inTx(db, async (tx) => {
    const key = await manageableKey(tx, caller, keyId);
    await revokeApiKeySessions(tx, caller.orgId, key.id, "api_key_deleted");
    await tx.delete(apiKeys).where(and(eq(apiKeys.organizationId, caller.orgId), eq(apiKeys.id, key.id)));
    await audit(tx, caller, "api_key.deleted", { type: "api_key", id: key.id });
  });
}

/**
 * Replaces a key: the old one is deleted (it and its sessions fail at once) and a new
 * one, with the same owner and name but a new id, is returned once.
 */
export async function rotateApiKey(db: Db, caller: Caller, keyId: string): Promise<IssuedApiKey> {
  assertNotApiKeySession(caller);
  return inTx(db, async (tx) => {
    const old = await manageableKey(tx, caller, keyId);
    await revokeApiKeySessions(tx, caller.orgId, old.id, "api_key_rotated");
    await tx.delete(apiKeys).where(and(eq(apiKeys.organizationId, caller.orgId), eq(apiKeys.id, old.id)));
    const issued = await insertKey(tx, caller.orgId, old.userId, old.name);
    await audit(tx, caller, "api_key.rotated", { type: "api_key", id: issued.key.id }, { replaced: old.id });
    return issued;
  });
}

/** API key → a short session (15 minutes, refreshable for a day); marks the key used. */
export async function loginWithApiKey(db: Db, apiKey: string, client: ClientInfo = {}): Promise<IssuedTokens> {
  const invalid = () => new AppError("invalid_credentials", "Invalid API key");
  const address: ThrottleKey = { kind: "address", id: client.ipAddress || "unknown" };
  await assertNotThrottled(db, [address]);
  const parsed = parseToken("apiKey", apiKey);
  if (!parsed) {
    await recordFailure(db, [address]);
    throw invalid();
  }
  const keyThrottle: ThrottleKey = { kind: "account", id: `api-key:${parsed.id}` };
  await assertNotThrottled(db, [keyThrottle]);
  const [row] = await db
    .select({ key: apiKeys, deactivatedAt: users.deactivatedAt })
    .from(apiKeys)
    .innerJoin(users, and(eq(users.organizationId, apiKeys.organizationId), eq(users.id, apiKeys.userId)))
    .where(and(eq(apiKeys.organizationId, parsed.orgId), eq(apiKeys.id, parsed.id)));
  if (!row || !hashesEqual(row.key.keyHash, hashToken(apiKey)) || row.deactivatedAt) {
    await recordFailure(db, [address, keyThrottle]);
    throw invalid();
  }
  const { key } = row;
  return inTx(db, async (tx) => {
    await tx
      .update(apiKeys)
      .set({ lastUsedAt: now() })
      .where(and(eq(apiKeys.organizationId, key.organizationId), eq(apiKeys.id, key.id)));
    return createSession(tx, { orgId: key.organizationId, userId: key.userId, kind: "api_key", apiKeyId: key.id, ...client });
  });
}
