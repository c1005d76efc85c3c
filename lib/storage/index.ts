import path from "node:path";
import { env } from "@/base/env";
import { createLocalStorage } from "./local";
import { createUploadThingStorageFromToken } from "./uploadthing";
import type { ObjectStorage, StorageProvider } from "./types";

export type { ObjectStorage, StorageProvider } from "./types";

// UploadThing when UPLOADTHING_TOKEN is set, the local folder SCREENSHOT_DIR otherwise.
// Rows remember their provider, so screenshots stored before a switch stay readable.
const cache = new Map<StorageProvider, ObjectStorage>();
let override: ObjectStorage | null = null;

function build(provider: StorageProvider): ObjectStorage {
  const e = env();
  if (provider === "uploadthing") {
    if (!e.UPLOADTHING_TOKEN) throw new Error("UPLOADTHING_TOKEN is not set, so UploadThing screenshots cannot be read");
    return createUploadThingStorageFromToken(e.UPLOADTHING_TOKEN);
  }
  return createLocalStorage(path.resolve(e.SCREENSHOT_DIR));
}

/** The adapter of one provider (for rows stored earlier). */
export function storageFor(provider: StorageProvider): ObjectStorage {
  if (override?.provider === provider) return override;
  let s = cache.get(provider);
  if (!s) cache.set(provider, (s = build(provider)));
  return s;
}

/** The adapter new screenshots are stored with. */
export function getStorage(): ObjectStorage {
  if (override) return override;
  return storageFor(env().UPLOADTHING_TOKEN ? "uploadthing" : "local");
}

/** Tests install their own adapter (e.g. one that fails); null restores the configured one. */
export function setStorage(storage: ObjectStorage | null): void {
  override = storage;
}
