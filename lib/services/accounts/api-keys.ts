import { and, desc, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { apiKeys, users, type ApiKey } from "@/db/schema";
import { now } from "@/base/clock";
import { AppError, forbidden, invalidField, notFound } from "@/lib/errors";
import { requireSignedIn, SCOPES, scopesAllowed, type Scope } from "@/lib/auth/scopes";
import { isAdmin, type Caller } from "@/lib/auth/permissions";
import { hashesEqual, hashToken, issueToken, parseToken } from "@/lib/auth/tokens";
import type { ClientInfo } from "./login";
import { audit } from "@/lib/services/platform/audit";
import { createSession, revokeApiKeySessions, type IssuedTokens } from "./sessions";
import { assertNotThrottled, recordFailure, type ThrottleKey } from "@/lib/services/platform/throttle";
import { countWhere, paginate, type Page, type Paged } from "@/lib/services/platform/paging";
import { inTx } from "@/lib/services/platform/tx";
import type { ApiKeyView } from "@/lib/validation/account-responses";

// Keys are `tb_` + (organisation, key id, 192 random bits); only the SHA-256 and the
// last four characters are stored, so a key is shown once, at creation or rotation.

export function apiKeyView(k: ApiKey): ApiKeyView {
  return {
    id: k.id,
    userId: k.userId,
    name: k.name,
    last4: k.last4,
    scopes: SCOPES.filter((x) => k.scopes.includes(x)),
    lastUsedAt: k.lastUsedAt?.getTime() ?? null,
    createdAt: k.createdAt.toISOString(),
    updatedAt: k.updatedAt.toISOString(),
  };
}

export interface IssuedApiKey {
  apiKey: string;
  key: ApiKey;
}

async function insertKey(db: Db, orgId: string, userId: string, name: string, scopes: Scope[]): Promise<IssuedApiKey> {
  const id = randomUUID();
  const apiKey = issueToken("apiKey", orgId, id);
  const at = now();
  const [key] = await db
    .insert(apiKeys)
    .values({ organizationId: orgId, id, userId, name, keyHash: hashToken(apiKey), last4: apiKey.slice(-4), scopes, createdAt: at, updatedAt: at })
    .returning();
  return { apiKey, key: key! };
}

/**
 * A key of the organisation the caller may see or revoke: their own, or any for an admin.
 * `own` (rotation, which reveals a new secret) allows only the caller's own key: nobody
 * reads another person's secret, so an admin cannot act as a manager through their key.
 */
async function manageableKey(db: Db, caller: Caller, keyId: string, opts: { own?: boolean } = {}): Promise<ApiKey> {
  const [key] = await db.select().from(apiKeys).where(and(eq(apiKeys.organizationId, caller.orgId), eq(apiKeys.id, keyId)));
  if (!key) throw notFound("API key");
  if (key.userId === caller.userId) return key;
  if (opts.own && isAdmin(caller)) throw forbidden("Only a key's owner rotates it; an admin may delete another user's key");
  if (!isAdmin(caller)) throw forbidden("You may not manage another user's API key");
  return key;
}

/** Admins see every key of the organisation, everyone else their own. */
export async function listApiKeys(db: Db, caller: Caller, page?: Page): Promise<Paged<ApiKey>> {
  const where = and(eq(apiKeys.organizationId, caller.orgId), isAdmin(caller) ? undefined : eq(apiKeys.userId, caller.userId));
  const query = db.select().from(apiKeys).where(where).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)).$dynamic();
  return paginate(query, page, countWhere(db, apiKeys, where));
}

export const getApiKey = (db: Db, caller: Caller, keyId: string) => manageableKey(db, caller, keyId);

/**
 * Keys are issued from a signed-in session only: a leaked key must not be able to mint (or
 * rotate itself into) keys its owner does not know about, which deleting it would not revoke.
 */
function assertNotApiKeySession(caller: Caller): void {
  requireSignedIn(caller, "Creating or rotating an API key");
}

/**
 * The scopes of a new key: the requested ones, each allowed by the owner's role (422
 * `body.scopes` otherwise), or by default all the role allows.
 */
export function keyScopes(owner: { role: "admin" | "member"; isManager: boolean }, requested?: readonly Scope[]): Scope[] {
  const allowed = scopesAllowed(owner);
  if (requested === undefined) return allowed;
  const beyond = requested.filter((x) => !allowed.includes(x));
  if (beyond.length > 0) throw invalidField("scopes", `your role does not allow ${[...new Set(beyond)].join(", ")}`);
  return SCOPES.filter((x) => requested.includes(x));
}

/** A new key for the caller. */
export async function createApiKey(db: Db, caller: Caller, input: { name: string; scopes?: Scope[] }): Promise<IssuedApiKey> {
  assertNotApiKeySession(caller);
  const scopes = keyScopes(caller, input.scopes);
  return inTx(db, async (tx) => {
    const issued = await insertKey(tx, caller.orgId, caller.userId, input.name, scopes);
    await audit(tx, caller, "api_key.created", { type: "api_key", id: issued.key.id }, { scopes });
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
 * Replaces the caller's own key: the old one is deleted (it and its sessions fail at once)
 * and a new one, with the same name and scopes but a new id, is returned once.
 */
export async function rotateApiKey(db: Db, caller: Caller, keyId: string): Promise<IssuedApiKey> {
  assertNotApiKeySession(caller);
  return inTx(db, async (tx) => {
    const old = await manageableKey(tx, caller, keyId, { own: true });
    await revokeApiKeySessions(tx, caller.orgId, old.id, "api_key_rotated");
    await tx.delete(apiKeys).where(and(eq(apiKeys.organizationId, caller.orgId), eq(apiKeys.id, old.id)));
    // The owner's role may have shrunk since: the new key keeps only what it still allows.
    const allowed = scopesAllowed(caller);
    const issued = await insertKey(tx, caller.orgId, old.userId, old.name, old.scopes.filter((x): x is Scope => allowed.includes(x as Scope)));
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
