import { afterEach, describe, expect, it } from "vitest";
import sharp from "sharp";
import { PUT as putSettings } from "@/app/v1/orgs/[orgId]/settings/route";
import { MAX_SCREENSHOT_PIXELS, WORK_PIXELS } from "@/lib/services/screenshots";
import { recordAttempt, UPLOAD_LIMIT } from "@/lib/services/platform";
import { setStorage } from "@/lib/storage";
import { testDbKind } from "../db";
import { call, db, makeOrg, type TestOrg } from "../helpers";
import { ago, fetchImage, fileRoute, filesOf, form, patternImage, rowsOf, thumbRoute, upload, uploadAs } from "./helpers";

// Issue 13, item 14: one 59-megapixel PNG took 4.7 s to blur. Uploads are limited per user, and
// the pixels blurred and shrunk are bounded whatever the upload's size.

const blank = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } }).png().toBuffer();
const settings = (org: TestOrg, body: Record<string, unknown>) =>
  call(putSettings, "PUT", `/v1/orgs/${org.id}/settings`, { token: org.admin.token, params: { orgId: org.id }, body });

afterEach(() => setStorage(null));

describe(`screenshot limits (${testDbKind()})`, () => {
  it("answers 429 with Retry-After once a user has uploaded the limit in the window, storing nothing; replays and other users pass", async () => {
    const org = await makeOrg();
    const png = await patternImage("png", 8, 8);
    for (let i = 0; i < UPLOAD_LIMIT.max; i++) {
      const res = await uploadAs(org.member.token, { file: png, recordedAt: ago(i) });
      expect(res.status, `upload ${i + 1}`).toBe(201);
    }
    const over = await uploadAs(org.member.token, { file: png, recordedAt: ago(UPLOAD_LIMIT.max) });
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ statusCode: 429, error: "rate_limited", message: expect.stringMatching(/screenshot uploads/) });
    const retryAfter = Number(over.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(UPLOAD_LIMIT.windowMs / 1000);
    expect(await rowsOf(org.id, org.member.id)).toHaveLength(UPLOAD_LIMIT.max);
    expect(filesOf(org.id)).toHaveLength(2 * UPLOAD_LIMIT.max);

    // A retry of a stored screenshot is answered before the limit: it stores nothing new.
    const retry = await uploadAs(org.member.token, { file: png, recordedAt: ago(0) });
    expect(retry.status).toBe(200);
    // A new one is still refused.
    expect((await uploadAs(org.member.token, { file: png, recordedAt: ago(UPLOAD_LIMIT.max + 1) })).status).toBe(429);

    // The limit is the user's: a colleague of the same organisation uploads as usual.
    expect((await uploadAs(org.manager.token, { file: png, recordedAt: ago(3) })).status).toBe(201);
  }, 180_000);

  it("does not count retries: a replayed Idempotency-Key and a repeated recordedAt leave room for the limit's new uploads", async () => {
    const org = await makeOrg();
    const png = await patternImage("png", 8, 8);
    // One body, sent twice byte for byte (a FormData would get a new boundary each time).
    const req = new Response(form({ file: png, recordedAt: ago(0) }));
    const bytes = new Uint8Array(await req.arrayBuffer());
    const headers = { "content-type": req.headers.get("content-type")!, "idempotency-key": `shot-${org.id}` };
    const send = () => call(upload, "POST", "/api/timesheet/screenshot", { token: org.member.token, rawBody: bytes, headers });
    const first = await send();
    expect(first.status).toBe(201);
    const replay = await send();
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body.id).toBe(first.body.id);
    expect((await uploadAs(org.member.token, { file: png, recordedAt: ago(0) })).status).toBe(200);
    // The window's other uploads but one, counted as the service counts them (the test above sends them all).
    for (let i = 2; i < UPLOAD_LIMIT.max; i++) await recordAttempt(await db(), [{ kind: "upload", id: org.member.id }]);
    expect((await uploadAs(org.member.token, { file: png, recordedAt: ago(1) })).status, "the last upload of the window").toBe(201);
    expect((await uploadAs(org.member.token, { file: png, recordedAt: ago(2) })).status).toBe(429);
  });

  it("refuses an image over the pixel limit (413 naming body.file), storing nothing", async () => {
    const org = await makeOrg();
    // 45 megapixels: under the old 60-megapixel limit, over the new one. A blank PNG is small.
    const huge = await blank(7500, 6000);
    expect(7500 * 6000).toBeGreaterThan(MAX_SCREENSHOT_PIXELS);
    const res = await uploadAs(org.member.token, { file: huge, recordedAt: ago(5) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: "payload_too_large", message: expect.stringMatching(/^body\.file: .*pixels/) });
    expect(await rowsOf(org.id)).toHaveLength(0);
    expect(filesOf(org.id)).toHaveLength(0);
  });

  it("shrinks a large image to the working size before blurring it: the stored file and thumbnail are bounded", async () => {
    const org = await makeOrg();
    expect((await settings(org, { screenshotBlur: true })).status).toBe(200);
    for (const [i, [width, height]] of [[3840, 2160], [7680, 4320], [5760, 1080]].entries()) {
      const png = i === 0 ? await patternImage("png", width!, height!) : await blank(width!, height!);
      const up = await uploadAs(org.member.token, { file: png, recordedAt: ago(10 + i) });
      expect(up.status, `${width}x${height}`).toBe(201);
      const stored = await sharp((await fetchImage(fileRoute, up.body.id, org.member.token)).bytes).metadata();
      expect(stored.format).toBe("png");
      expect(stored.width! * stored.height!, `${width}x${height}`).toBeLessThanOrEqual(WORK_PIXELS);
      expect(stored.width! * stored.height!).toBeGreaterThan(WORK_PIXELS * 0.95);
      // the aspect ratio survives
      expect(Math.abs(stored.width! / stored.height! - width! / height!)).toBeLessThan(0.01);
      const thumb = await sharp((await fetchImage(thumbRoute, up.body.id, org.member.token, "thumb")).bytes).metadata();
      expect(thumb).toMatchObject({ format: "webp", width: 320 });
    }
  }, 120_000);

  it("stores an unblurred large image as sent, with a 320px thumbnail", async () => {
    const org = await makeOrg();
    const png = await blank(7680, 4320);
    const up = await uploadAs(org.member.token, { file: png, recordedAt: ago(20) });
    expect(up.status).toBe(201);
    expect((await fetchImage(fileRoute, up.body.id, org.member.token)).bytes.equals(png)).toBe(true);
    const thumb = await sharp((await fetchImage(thumbRoute, up.body.id, org.member.token, "thumb")).bytes).metadata();
    expect(thumb).toMatchObject({ format: "webp", width: 320, height: 180 });
  });
});
