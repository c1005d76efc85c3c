import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { UTApi, type UTFile } from "uploadthing/server";
import { createLocalStorage } from "@/lib/storage/local";
import { createUploadThingStorage, customIdOf, type UploadThingClient } from "@/lib/storage/uploadthing";
import { getStorage } from "@/lib/storage";
import { isObjectKey, newScreenshotKeys } from "@/lib/storage/keys";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "timebase-storage-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const badKeys = [
  "../outside.png",
  `${randomUUID()}/../../outside.png`,
  "/etc/passwd",
  `${randomUUID()}/${randomUUID()}.png/../x.png`,
  `${randomUUID()}/${randomUUID()}.svg`,
  `${randomUUID()}\\${randomUUID()}.png`,
  "",
];

describe("storage keys", () => {
  it("are made from the organisation and a fresh id only", () => {
    const org = randomUUID();
    const a = newScreenshotKeys(org, "png");
    const b = newScreenshotKeys(org, "png");
    expect(a.fileKey).toMatch(new RegExp(`^${org}/[0-9a-f-]{36}\\.png$`));
    expect(a.thumbKey).toBe(a.fileKey.replace(".png", ".thumb.webp"));
    expect(a.fileKey).not.toBe(b.fileKey);
    expect(() => newScreenshotKeys("../../etc", "png")).toThrow();
    for (const key of badKeys) expect(isObjectKey(key), key).toBe(false);
  });

  it("default to the local disk when no UploadThing token is set", () => {
    expect(getStorage().provider).toBe("local");
  });
});

describe("local storage adapter", () => {
  const storage = createLocalStorage(root);

  it("puts, gets and deletes by key inside its folder", async () => {
    const { fileKey } = newScreenshotKeys(randomUUID(), "png");
    await storage.put(fileKey, Buffer.from("image bytes"), "image/png");
    expect(fs.existsSync(path.join(root, ...fileKey.split("/")))).toBe(true);
    expect((await storage.get(fileKey))!.toString()).toBe("image bytes");
    await storage.delete([fileKey]);
    expect(await storage.get(fileKey)).toBeNull();
    await storage.delete([fileKey]); // nothing there: no error
    expect(fs.readdirSync(path.dirname(path.join(root, ...fileKey.split("/"))))).toEqual([]);
  });

  it("refuses every key that is not one of its own, so no path can leave the folder", async () => {
    for (const key of badKeys) {
      await expect(storage.put(key, Buffer.from("x"), "image/png"), key).rejects.toThrow("Invalid storage key");
      await expect(storage.get(key), key).rejects.toThrow("Invalid storage key");
      await expect(storage.delete([key]), key).rejects.toThrow("Invalid storage key");
    }
    expect(fs.existsSync(path.join(path.dirname(root), "outside.png"))).toBe(false);
  });
});

function stubClient(opts: { failUpload?: boolean; deleteOk?: boolean } = {}) {
  const calls: { method: string; args: unknown[] }[] = [];
  const uploaded = new Map<string, { bytes: Buffer; type: string; name: string }>();
  const client: UploadThingClient = {
    async uploadFiles(file: UTFile, o) {
      calls.push({ method: "uploadFiles", args: [file, o] });
      if (opts.failUpload) return { data: null, error: { code: "UPLOAD_FAILED", message: "Failed to upload file" } };
      uploaded.set(file.customId!, { bytes: Buffer.from(await file.arrayBuffer()), type: file.type, name: file.name });
      return { data: { key: `utkey-${uploaded.size}` }, error: null };
    },
    async deleteFiles(keys, o) {
      calls.push({ method: "deleteFiles", args: [keys, o] });
      for (const k of keys) uploaded.delete(k);
      return { success: opts.deleteOk ?? true, deletedCount: keys.length };
    },
    async generateSignedURL(key, o) {
      calls.push({ method: "generateSignedURL", args: [key, o] });
      return { ufsUrl: `https://app123.ufs.sh/f/${encodeURIComponent(key)}?signature=hmac-sha256%3Dabc` };
    },
  };
  const fakeFetch = (async (url: string | URL | Request) => {
    const key = decodeURIComponent(new URL(String(url)).pathname.replace(/^\/f\//, ""));
    if (key.includes("broken")) return new Response("boom", { status: 502 });
    const hit = uploaded.get(key);
    return hit ? new Response(new Uint8Array(hit.bytes), { headers: { "content-type": hit.type } }) : new Response("Not found", { status: 404 });
  }) as typeof fetch;
  return { client, calls, uploaded, fakeFetch };
}

describe("UploadThing storage adapter (stubbed UTApi)", () => {
  it("uploads privately under our key as customId, reads through a signed URL and deletes by customId", async () => {
    const stub = stubClient();
    const storage = createUploadThingStorage({ client: stub.client, fetch: stub.fakeFetch });
    expect(storage.provider).toBe("uploadthing");
    const { fileKey, thumbKey } = newScreenshotKeys(randomUUID(), "jpg");
    await storage.put(fileKey, Buffer.from("jpeg bytes"), "image/jpeg");
    await storage.put(thumbKey, Buffer.from("webp bytes"), "image/webp");

    const [first] = stub.calls;
    const [file, uploadOpts] = first!.args as [UTFile, unknown];
    expect(file.customId).toBe(customIdOf(fileKey));
    expect(file.customId).not.toContain("/");
    expect(file.name).toBe(fileKey.split("/")[1]);
    expect(file.type).toBe("image/jpeg");
    expect(uploadOpts).toEqual({ contentDisposition: "inline", acl: "private" });

    expect((await storage.get(fileKey))!.toString()).toBe("jpeg bytes");
    expect(stub.calls.find((c) => c.method === "generateSignedURL")!.args).toEqual([customIdOf(fileKey), { expiresIn: 60 }]);
    expect(await storage.get(newScreenshotKeys(randomUUID(), "png").fileKey)).toBeNull();

    await storage.delete([fileKey, thumbKey]);
    expect(stub.calls.at(-1)).toEqual({ method: "deleteFiles", args: [[fileKey, thumbKey].map(customIdOf), { keyType: "customId" }] });
    expect(stub.uploaded.size).toBe(0);
    const before = stub.calls.length;
    await storage.delete([]);
    expect(stub.calls.length).toBe(before);
  });

  it("reports UploadThing's failures as errors, and never sends a foreign key", async () => {
    const failing = stubClient({ failUpload: true, deleteOk: false });
    const storage = createUploadThingStorage({ client: failing.client, fetch: failing.fakeFetch });
    const { fileKey } = newScreenshotKeys(randomUUID(), "png");
    await expect(storage.put(fileKey, Buffer.from("x"), "image/png")).rejects.toThrow(/UPLOAD_FAILED/);
    await expect(storage.delete([fileKey])).rejects.toThrow(/delete failed/);
    const callsBefore = failing.calls.length;
    for (const key of badKeys) {
      await expect(storage.put(key, Buffer.from("x"), "image/png")).rejects.toThrow("Invalid storage key");
      await expect(storage.get(key)).rejects.toThrow("Invalid storage key");
      await expect(storage.delete([key])).rejects.toThrow("Invalid storage key");
    }
    expect(failing.calls.length).toBe(callsBefore);

    // The CDN answering 502 is an error, not a missing file.
    const viaBroken = createUploadThingStorage({
      client: { ...stubClient().client, generateSignedURL: async () => ({ ufsUrl: "https://app123.ufs.sh/f/broken" }) },
      fetch: failing.fakeFetch,
    });
    await expect(viaBroken.get(newScreenshotKeys(randomUUID(), "png").fileKey)).rejects.toThrow(/502/);
  });

  it("can leave the ACL to the UploadThing app's default", async () => {
    const stub = stubClient();
    const storage = createUploadThingStorage({ client: stub.client, fetch: stub.fakeFetch, acl: undefined });
    await storage.put(newScreenshotKeys(randomUUID(), "png").fileKey, Buffer.from("x"), "image/png");
    expect(stub.calls[0]!.args[1]).toEqual({ contentDisposition: "inline" });
  });
});

/**
 * A stand-in for UploadThing's three hosts (ingest, API, CDN) behind the real UTApi's `fetch`
 * option: the SDK's own request building, signing and response parsing run, nothing leaves the
 * process.
 */
function fakeUploadThing(appId: string) {
  const objects = new Map<string, { bytes: Buffer; type: string }>();
  const requests: { method: string; url: URL; body?: unknown }[] = [];
  const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    if (req.method === "PUT" && url.hostname.endsWith(".ingest.uploadthing.com")) {
      const file = (await req.formData()).get("file") as File;
      // the SDK encodes its x-ut-* values once more before they go into the query
      const customId = decodeURIComponent(url.searchParams.get("x-ut-custom-id")!);
      requests.push({ method: "PUT", url });
      objects.set(customId, { bytes: Buffer.from(await file.arrayBuffer()), type: file.type });
      const ufsUrl = `https://${appId}.ufs.sh/f${url.pathname}`;
      return Response.json({ url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash: "hash", serverData: null });
    }
    if (req.method === "POST" && url.href === "https://api.uploadthing.com/v6/deleteFiles") {
      const body = (await req.json()) as { customIds?: string[] };
      requests.push({ method: "POST", url, body });
      const gone = (body.customIds ?? []).filter((k) => objects.delete(k));
      return Response.json({ success: true, deletedCount: gone.length });
    }
    if (req.method === "GET" && url.hostname === `${appId}.ufs.sh` && url.pathname.startsWith("/f/")) {
      requests.push({ method: "GET", url });
      if (!url.searchParams.get("signature") || !url.searchParams.get("expires")) return new Response("Unauthorized", { status: 401 });
      const hit = objects.get(decodeURIComponent(url.pathname.slice(3)));
      return hit ? new Response(new Uint8Array(hit.bytes), { headers: { "content-type": hit.type } }) : new Response("Not found", { status: 404 });
    }
    return new Response(`unexpected ${req.method} ${req.url}`, { status: 500 });
  }) as typeof fetch;
  return { fakeFetch, objects, requests };
}

describe("UploadThing storage adapter on the real UTApi (no network)", () => {
  it("stores under our key as customId, privately; reads through a signed URL; deletes by customId", async () => {
    const appId = "app123";
    const token = Buffer.from(JSON.stringify({ apiKey: "sk_live_0123456789abcdef", appId, regions: ["sea1"] })).toString("base64");
    const fake = fakeUploadThing(appId);
    const storage = createUploadThingStorage({ client: new UTApi({ token, fetch: fake.fakeFetch, logLevel: "Error" }), fetch: fake.fakeFetch });
    const { fileKey, thumbKey } = newScreenshotKeys(randomUUID(), "png");

    await storage.put(fileKey, Buffer.from("png bytes"), "image/png");
    await storage.put(thumbKey, Buffer.from("webp bytes"), "image/webp");
    expect([...fake.objects.keys()]).toEqual([fileKey, thumbKey].map(customIdOf));
    expect(fake.objects.get(customIdOf(fileKey))!.type).toBe("image/png");
    const ingest = fake.requests[0]!.url;
    expect(ingest.host).toBe("sea1.ingest.uploadthing.com");
    expect(ingest.searchParams.get("x-ut-acl")).toBe("private");
    expect(ingest.searchParams.get("x-ut-content-disposition")).toBe("inline");
    expect(ingest.searchParams.get("signature")).toMatch(/^hmac-sha256=/);

    expect((await storage.get(fileKey))!.toString()).toBe("png bytes");
    const read = fake.requests.find((r) => r.method === "GET")!.url;
    expect(read.host).toBe(`${appId}.ufs.sh`);
    // the SDK puts the customId into the path as it is: ours has no slash
    expect(read.pathname).toBe(`/f/${customIdOf(fileKey)}`);
    // signed for about the minute the adapter asks for
    expect(Number(read.searchParams.get("expires")) - Date.now()).toBeLessThanOrEqual(60_000);
    expect(await storage.get(newScreenshotKeys(randomUUID(), "png").fileKey)).toBeNull();

    await storage.delete([fileKey, thumbKey]);
    expect(fake.requests.at(-1)!.body).toEqual({ customIds: [fileKey, thumbKey].map(customIdOf) });
    expect(fake.objects.size).toBe(0);
  });
});
