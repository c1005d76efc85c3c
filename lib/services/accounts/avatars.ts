import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { now } from "@/base/clock";
import { notFound } from "@/lib/errors";
import { assertUserAccess, type Caller } from "@/lib/auth/permissions";
import { getStorage, storageFor, type StorageProvider } from "@/lib/storage";
import { newAvatarKey } from "@/lib/storage/keys";
import { audit } from "@/lib/services/platform/audit";
import { prepareAvatar } from "./avatar-image";
import { inTx } from "@/lib/services/platform/tx";
import { userInOrg } from "./users";

// Profile pictures. Stored through the same adapters as screenshots (lib/storage) and served
// only through GET /v1/users/{id}/avatar, to signed-in members of the user's organisation.
// Who may set or remove one: the user themself, and admins for anyone of their organisation
// (another organisation's user: 404; a member or manager acting on someone else: 403).

async function dropObject(provider: string | null, key: string | null): Promise<void> {
  if (!provider || !key) return;
  await storageFor(provider as StorageProvider)
    .delete([key])
    .catch(() => {
      // Nothing refers to the key any more; a leftover object is unreachable through the app.
    });
}

/**
 * Stores a new avatar for the user. The file is written first under a fresh key, then the row is
 * pointed at it; only after that commits is the previous file removed, so the row never points at
 * a missing file. If the row cannot be written the new file is removed.
 */
export async function setAvatar(db: Db, c: Caller, userId: string, bytes: Buffer): Promise<User> {
  await assertUserAccess(db, c, userId, "write");
  const image = await prepareAvatar(bytes);
  const storage = getStorage();
  const key = newAvatarKey(c.orgId, userId);
  await storage.put(key, image, "image/webp");
  let result: { user: User; old: { provider: string | null; key: string | null } };
  try {
    result = await inTx(db, async (tx) => {
      const before = await userInOrg(tx, c.orgId, userId, { lock: true });
      const [user] = await tx
        .update(users)
        .set({ avatarProvider: storage.provider, avatarKey: key, updatedAt: now() })
        .where(and(eq(users.organizationId, c.orgId), eq(users.id, userId)))
        .returning();
      await audit(tx, c, "user.avatar_set", { type: "user", id: userId }, {});
      return { user: user!, old: { provider: before.avatarProvider, key: before.avatarKey } };
    });
  } catch (err) {
    await dropObject(storage.provider, key);
    throw err;
  }
  await dropObject(result.old.provider, result.old.key);
  return result.user;
}

/** Removes the user's avatar (the row first, the file after); without one, nothing changes. */
export async function removeAvatar(db: Db, c: Caller, userId: string): Promise<User> {
  await assertUserAccess(db, c, userId, "write");
  const { user, old } = await inTx(db, async (tx) => {
    const before = await userInOrg(tx, c.orgId, userId, { lock: true });
    if (!before.avatarKey) return { user: before, old: null };
    const [user] = await tx
      .update(users)
      .set({ avatarProvider: null, avatarKey: null, updatedAt: now() })
      .where(and(eq(users.organizationId, c.orgId), eq(users.id, userId)))
      .returning();
    await audit(tx, c, "user.avatar_removed", { type: "user", id: userId }, {});
    return { user: user!, old: { provider: before.avatarProvider, key: before.avatarKey } };
  });
  if (old) await dropObject(old.provider, old.key);
  return user;
}

/** The avatar's bytes for any signed-in member of the user's organisation; 404 otherwise or without one. */
export async function readAvatar(db: Db, c: Caller, userId: string): Promise<{ data: Buffer; contentType: string }> {
  const user = await userInOrg(db, c.orgId, userId);
  if (!user.avatarKey || !user.avatarProvider) throw notFound("Avatar");
  const data = await storageFor(user.avatarProvider as StorageProvider).get(user.avatarKey);
  if (!data) throw notFound("Avatar");
  return { data, contentType: "image/webp" };
}
