import { randomUUID } from "node:crypto";

// Object keys are made here and only here: "<orgId>/<uuid>.<ext>" and "<orgId>/<uuid>.thumb.webp".
// Nothing the client sends (file name, field values) takes part, so a key can never
// climb out of its folder or collide with another upload.
export type ImageExt = "png" | "jpg" | "webp";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const KEY = new RegExp(`^${UUID}/${UUID}(?:\\.thumb)?\\.(?:png|jpg|webp)$`);

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
