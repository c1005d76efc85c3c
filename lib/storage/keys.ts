import { randomUUID } from "node:crypto";

// Object keys are made here and only here: "<orgId>/<uuid>.<ext>" and "<orgId>/<uuid>.thumb.webp"
// for screenshots, "<orgId>/<userId>.avatar.<uuid>.webp" for profile pictures.
// Nothing the client sends (file name, field values) takes part, so a key can never
// climb out of its folder or collide with another upload.
export type ImageExt = "png" | "jpg" | "webp";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const KEY = new RegExp(`^${UUID}/${UUID}(?:(?:\\.thumb)?\\.(?:png|jpg|webp)|\\.avatar\\.${UUID}\\.webp)$`);

export function isObjectKey(key: string): boolean {
  return KEY.test(key);
}

/** A fresh pair of keys for one screenshot of an organisation. */
export function newScreenshotKeys(orgId: string, ext: ImageExt): { fileKey: string; thumbKey: string } {
  const id = randomUUID();
  const org = orgId.toLowerCase();
  const keys = { fileKey: `${org}/${id}.${ext}`, thumbKey: `${org}/${id}.thumb.webp` };
  if (!isObjectKey(keys.fileKey) || !isObjectKey(keys.thumbKey)) throw new Error("Invalid organisation id for a storage key");
  return keys;
}

export function assertObjectKey(key: string): void {
  if (!isObjectKey(key)) throw new Error("Invalid storage key");
}

/**
 * A fresh key for one avatar of a user: every upload gets its own (storage never overwrites), so
 * the key also serves as the avatar's version in its URL.
 */
export function newAvatarKey(orgId: string, userId: string): string {
  const key = `${orgId.toLowerCase()}/${userId.toLowerCase()}.avatar.${randomUUID()}.webp`;
  if (!isObjectKey(key)) throw new Error("Invalid organisation or user id for a storage key");
  return key;
}

/** The version part of an avatar key (its upload's uuid), for cache-busting URLs. */
export function avatarVersionOf(key: string): string {
  const m = /\.avatar\.([0-9a-f-]{36})\.webp$/.exec(key);
  return m ? m[1]!.slice(0, 8) : "0";
}
