import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import sharp from "sharp";
import { and, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { GET as readRoute, PUT as putRoute, DELETE as deleteRoute } from "@/app/v1/users/[userId]/avatar/route";
import { GET as getUser } from "@/app/v1/users/[userId]/route";
import { POST as productivityAnalysis } from "@/app/v1/dashboard/productivity-analysis/route";
import { POST as proofOfWork } from "@/app/v1/proof-of-work/timesheet/route";
import { setStorage, storageFor, type ObjectStorage } from "@/lib/storage";
import { MAX_AVATAR_BYTES } from "@/lib/services/accounts";
import { testDbKind } from "../db";
import { call, db, makeOrg } from "../helpers";
import { addEntries } from "../dashboards/fixtures";

afterEach(() => setStorage(null));

/** A photo-like image (noise compresses badly, so sizes are realistic). */
async function image(format: "png" | "jpeg" | "webp", width = 320, height = 200): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 37 + (i >> 5)) % 251;
  const img = sharp(raw, { raw: { width, height, channels: 3 } });
  return format === "png" ? img.png().toBuffer() : format === "jpeg" ? img.jpeg().toBuffer() : img.webp().toBuffer();
}

function form(bytes: Buffer | string, type = "image/png", name = "me.png"): FormData {
  const fd = new FormData();
  fd.append("file", new Blob([new Uint8Array(typeof bytes === "string" ? Buffer.from(bytes) : bytes)], { type }), name);
  return fd;
}

const put = (token: string, userId: string, body: FormData | BodyInit) =>
  call(putRoute, "PUT", `/v1/users/${userId}/avatar`, { token, params: { userId }, rawBody: body });
const remove = (token: string, userId: string) => call(deleteRoute, "DELETE", `/v1/users/${userId}/avatar`, { token, params: { userId } });

async function read(token: string | undefined, userId: string) {
  const headers = new Headers();
  if (token) headers.set("authorization", `Bearer ${token}`);
  const res = await readRoute(new Request(`http://localhost:3000/v1/users/${userId}/avatar`, { headers }), { params: Promise.resolve({ userId }) });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function rowOf(orgId: string, userId: string) {
  const [row] = await (await db()).select().from(users).where(and(eq(users.organizationId, orgId), eq(users.id, userId)));
  return row!;
}

const stored = (key: string) => fs.existsSync(path.resolve(process.env.SCREENSHOT_DIR!, ...key.split("/")));
const urlRe = (userId: string) => new RegExp(`^http://localhost:3000/v1/users/${userId}/avatar\\?v=[0-9a-f]{8}$`);

describe(`avatars (${testDbKind()})`, () => {
  it.each(["png", "jpeg", "webp"] as const)("stores a %s upload as a 256×256 WebP and reports its URL", async (format) => {
    const org = await makeOrg();
    const res = await put(org.member.token, org.member.id, form(await image(format), "application/octet-stream", "x.bin"));
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(org.member.id);
    expect(res.body.profilePicUrl).toMatch(urlRe(org.member.id));

    const row = await rowOf(org.id, org.member.id);
    expect(row.avatarProvider).toBe("local");
    expect(row.avatarKey).toMatch(new RegExp(`^${org.id}/${org.member.id}\\.avatar\\.`));
    expect(stored(row.avatarKey!)).toBe(true);

    const img = await read(org.outsider.token, org.member.id);
    expect(img.status).toBe(200);
    expect(img.headers.get("content-type")).toBe("image/webp");
    expect(img.headers.get("x-content-type-options")).toBe("nosniff");
    expect(img.headers.get("content-security-policy")).toContain("sandbox");
    expect(img.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(img.headers.get("content-disposition")).toBe(`inline; filename="${org.member.id}.webp"`);
    expect(img.headers.get("cache-control")).toBe("private, max-age=60");
    expect(await sharp(img.bytes).metadata()).toMatchObject({ format: "webp", width: 256, height: 256 });

    const user = await call(getUser, "GET", `/v1/users/${org.member.id}`, { token: org.member.token, params: { userId: org.member.id } });
    expect(user.body.profilePicUrl).toBe(res.body.profilePicUrl);
  });

  it("replacing an avatar changes its URL and removes the old file; DELETE removes it", async () => {
    const org = await makeOrg();
    const first = await put(org.member.token, org.member.id, form(await image("png")));
    const oldKey = (await rowOf(org.id, org.member.id)).avatarKey!;
    const second = await put(org.member.token, org.member.id, form(await image("jpeg"), "image/jpeg", "b.jpg"));
    expect(second.status).toBe(200);
    expect(second.body.profilePicUrl).not.toBe(first.body.profilePicUrl);
    const newKey = (await rowOf(org.id, org.member.id)).avatarKey!;
    expect(stored(oldKey)).toBe(false);
    expect(stored(newKey)).toBe(true);

    const gone = await remove(org.member.token, org.member.id);
    expect(gone.status).toBe(200);
    expect(gone.body.profilePicUrl).toBeNull();
    expect(stored(newKey)).toBe(false);
    expect(await rowOf(org.id, org.member.id)).toMatchObject({ avatarKey: null, avatarProvider: null });
    expect((await read(org.member.token, org.member.id)).status).toBe(404);
    // removing again changes nothing
    expect((await remove(org.member.token, org.member.id)).status).toBe(200);
  });

  const bad: Array<[string, () => Promise<FormData | string>, number, string]> = [
    ["a GIF", async () => form(Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1"), "image/gif", "a.gif"), 415, "body.file"],
    ["text named .png", async () => form("hello, not an image", "image/png", "a.png"), 415, "body.file"],
    ["a truncated PNG", async () => form((await image("png")).subarray(0, 60)), 422, "body.file"],
    ["a file one byte over 2 MB", async () => form(Buffer.concat([(await image("png")).subarray(0, 100), Buffer.alloc(MAX_AVATAR_BYTES - 99)])), 413, "body.file"],
    ["a form far over 2 MB", async () => form(Buffer.concat([await image("png"), Buffer.alloc(3 * MAX_AVATAR_BYTES)])), 413, "body"],
    ["no file part", async () => new FormData(), 422, "body.file"],
    ["a JSON body", async () => JSON.stringify({ file: "x" }), 415, "body"],
  ];

  it.each(bad)("refuses %s and changes nothing", async (_label, body, status, field) => {
    const org = await makeOrg();
    await put(org.member.token, org.member.id, form(await image("png")));
    const before = await rowOf(org.id, org.member.id);
    const res = await put(org.member.token, org.member.id, (await body()) as FormData);
    expect(res.status).toBe(status);
    expect(res.body.details?.field).toBe(field);
    expect(await rowOf(org.id, org.member.id)).toEqual(before);
    expect(stored(before.avatarKey!)).toBe(true);
    expect(fs.readdirSync(path.resolve(process.env.SCREENSHOT_DIR!, org.id))).toHaveLength(1);
  });

  it("refuses an image of too many pixels (decompression bomb) with 413", async () => {
    const org = await makeOrg();
    const huge = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: "#fff" } }).png({ compressionLevel: 9 }).toBuffer();
    expect(huge.length).toBeLessThan(MAX_AVATAR_BYTES);
    const res = await put(org.member.token, org.member.id, form(huge));
    expect(res.status).toBe(413);
    expect(res.body.details.field).toBe("body.file");
  });

  it("admins set and remove anyone's of their organisation; others get 403, another organisation 404", async () => {
    const org = await makeOrg();
    const foreign = await makeOrg();
    const png = await image("png");
    expect((await put(org.admin.token, org.member.id, form(png))).status).toBe(200);
    expect((await put(org.manager.token, org.member.id, form(png))).status).toBe(403);
    expect((await put(org.member.token, org.outsider.id, form(png))).status).toBe(403);
    expect((await remove(org.member.token, org.outsider.id)).status).toBe(403);
    expect((await put(foreign.admin.token, org.member.id, form(png))).status).toBe(404);
    expect((await remove(foreign.admin.token, org.member.id)).status).toBe(404);
    expect((await rowOf(org.id, org.member.id)).avatarKey).not.toBeNull();
    expect((await remove(org.admin.token, org.member.id)).status).toBe(200);
    expect((await rowOf(org.id, org.member.id)).avatarKey).toBeNull();
  });

  it("is readable by members of the organisation only (another organisation 404, no token 401)", async () => {
    const org = await makeOrg();
    const foreign = await makeOrg();
    await put(org.member.token, org.member.id, form(await image("webp")));
    for (const who of ["admin", "manager", "member", "outsider"] as const) expect((await read(org[who].token, org.member.id)).status, who).toBe(200);
    expect((await read(foreign.admin.token, org.member.id)).status).toBe(404);
    expect((await read(undefined, org.member.id)).status).toBe(401);
    expect((await read(org.member.token, org.outsider.id)).status).toBe(404); // no avatar
  });

  it("removes the new file when the row cannot be written (user deleted meanwhile), leaving no orphan", async () => {
    const org = await makeOrg();
    const local = storageFor("local");
    let putKey = "";
    const racing: ObjectStorage = {
      provider: "local",
      put: async (key, data, type) => {
        putKey = key;
        await local.put(key, data, type);
        // the user is deleted while the file is being stored
        await (await db()).delete(users).where(and(eq(users.organizationId, org.id), eq(users.id, org.outsider.id)));
      },
      get: (k) => local.get(k),
      delete: (k) => local.delete(k),
    };
    setStorage(racing);
    const res = await put(org.admin.token, org.outsider.id, form(await image("jpeg"), "image/jpeg"));
    expect(res.status).toBe(404);
    expect(putKey).not.toBe("");
    expect(stored(putKey)).toBe(false);
  });

  it("appears as profilePicUrl in productivity-analysis and proof-of-work", async () => {
    const org = await makeOrg();
    const res = await put(org.member.token, org.member.id, form(await image("png")));
    const url = res.body.profilePicUrl as string;
    await addEntries(org.id, org.member.id, [{ start: "2026-03-03T09:00:00Z", stop: "2026-03-03T10:00:00Z" }]);
    const body = { startDate: "2026-03-02 00:00:00", endDate: "2026-03-08 23:59:59", timeZone: "UTC", userId: [org.member.id], teamId: [] };
    const pa = await call(productivityAnalysis, "POST", "/v1/dashboard/productivity-analysis", { token: org.manager.token, body });
    expect(pa.status).toBe(200);
    expect(pa.body.data[0].user).toEqual({ userId: org.member.id, name: expect.any(String), profilePicUrl: url });
    const pow = await call(proofOfWork, "POST", "/v1/proof-of-work/timesheet", { token: org.admin.token, body: { ...body, offset: 1 } });
    expect(pow.status).toBe(200);
    expect(JSON.stringify(pow.body.response)).toContain(url);
    const user = pow.body.response.usersList.find((u: { user: { userId: string } }) => u.user.userId === org.member.id);
    expect(user.user.profilePicUrl).toBe(url);
  });
});
