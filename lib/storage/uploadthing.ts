import { UTApi, UTFile } from "uploadthing/server";
import { assertObjectKey } from "./keys";
import type { ObjectStorage } from "./types";

/**
 * The part of UploadThing's UTApi this adapter uses; tests inject a stub, production the
 * real UTApi. Our key travels as the file's customId (slashes made underscores, `customIdOf`),
 * so reads and deletes need no lookup.
 */
export interface UploadThingClient {
  uploadFiles(
    file: UTFile,
    opts?: { acl?: "private" | "public-read"; contentDisposition?: "inline" | "attachment" },
  ): Promise<{ data: { key: string } | null; error: { code: string; message: string } | null }>;
  deleteFiles(keys: string[], opts: { keyType: "customId" }): Promise<{ readonly success: boolean; readonly deletedCount: number }>;
  generateSignedURL(key: string, opts?: { expiresIn?: number }): Promise<{ ufsUrl: string }>;
}

export interface UploadThingOptions {
  client: UploadThingClient;
  /** Fetches the signed URL (default: the global fetch). */
  fetch?: typeof fetch;
  /**
   * Files are uploaded private and read through short-lived signed URLs, so no screenshot has a
   * public address. The UploadThing app must allow ACL overrides (or set "private" as default and
   * pass `undefined` here).
   */
  acl?: "private" | "public-read";
}

/**
 * The UploadThing customId of one of our keys ("<org>/<uuid>.png" → "<org>_<uuid>.png"): the SDK
 * puts the customId into file URLs unescaped, so it carries no "/". Keys are uuids and dots, so
 * the mapping is one-to-one.
 */
export const customIdOf = (key: string) => key.replaceAll("/", "_");

export function createUploadThingStorage(opts: UploadThingOptions): ObjectStorage {
  const { client } = opts;
  const doFetch = opts.fetch ?? fetch;
  const acl = "acl" in opts ? opts.acl : "private";

  return {
    provider: "uploadthing",

    async put(key, data, contentType) {
      assertObjectKey(key);
      const name = key.slice(key.lastIndexOf("/") + 1);
      const file = new UTFile([new Uint8Array(data)], name, { type: contentType, customId: customIdOf(key) });
      const result = await client.uploadFiles(file, { contentDisposition: "inline", ...(acl ? { acl } : {}) });
      if (result.error || !result.data) {
        throw new Error(`UploadThing upload failed: ${result.error?.code ?? "UNKNOWN"} ${result.error?.message ?? ""}`.trim());
      }
    },

    async get(key) {
      assertObjectKey(key);
      const { ufsUrl } = await client.generateSignedURL(customIdOf(key), { expiresIn: 60 });
      const res = await doFetch(ufsUrl, { cache: "no-store" });
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`UploadThing download failed with status ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    },

    async delete(keys) {
      keys.forEach(assertObjectKey);
      if (keys.length === 0) return;
      const result = await client.deleteFiles(keys.map(customIdOf), { keyType: "customId" });
      if (!result.success) throw new Error("UploadThing delete failed");
    },
  };
}

/** The adapter on the real UploadThing API. */
export function createUploadThingStorageFromToken(token: string): ObjectStorage {
  return createUploadThingStorage({ client: new UTApi({ token, logLevel: "Error" }) });
}
