import { afterEach, describe, expect, it } from "vitest";
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { PUT as putSettings } from "@/app/v1/orgs/[orgId]/settings/route";
import { pruneScreenshots } from "@/lib/services/screenshots";
import { setStorage, storageFor } from "@/lib/storage";
import { testDbKind } from "../db";
import { call, db, makeOrg, type TestOrg } from "../helpers";
import { ago, fetchImage, fileRoute, filesOf, patternImage, rowsOf, thumbRoute, uploadAs } from "./helpers";

const settings = (org: TestOrg, body: Record<string, unknown>) =>
  call(putSettings, "PUT", `/v1/orgs/${org.id}/settings`, { token: org.admin.token, params: { orgId: org.id }, body });

/** Mean standard deviation over the channels: a blur flattens the checkerboard. */
async function contrast(bytes: Buffer): Promise<number> {
  const { channels } = await sharp(bytes).stats();
  return channels.slice(0, 3).reduce((s, c) => s + c.stdev, 0) / 3;
}

afterEach(() => setStorage(null));

describe(`screenshot privacy (${testDbKind()})`, () => {
  it("blurs before storing when the organisation says so: stored image and thumbnail differ from the upload", async () => {
    const org = await makeOrg();
    expect((await settings(org, { screenshotBlur: true })).status).toBe(200);
    const png = await patternImage("png", 256, 192);
    const up = await uploadAs(org.member.token, { file: png, recordedAt: ago(10) });
    expect(up.status).toBe(201);
    const [row] = await rowsOf(org.id);
    expect(row!.isBlurred).toBe(true);

    const stored = await fetchImage(fileRoute, up.body.id, org.member.token);
    expect(stored.headers.get("content-type")).toBe("image/png");
    expect(stored.bytes.equals(png)).toBe(false);
    const original = await contrast(png);
    expect(await sharp(stored.bytes).metadata()).toMatchObject({ width: 256, height: 192 });
    expect(await contrast(stored.bytes)).toBeLessThan(original / 4);
    const thumb = await fetchImage(thumbRoute, up.body.id, org.member.token, "thumb");
    expect(await contrast(thumb.bytes)).toBeLessThan(original / 4);

    // Turned off again, later uploads are stored as sent.
    await settings(org, { screenshotBlur: false });
    const clear = await uploadAs(org.member.token, { file: png, recordedAt: ago(11) });
    expect((await fetchImage(fileRoute, clear.body.id, org.member.token)).bytes.equals(png)).toBe(true);
  });

  it("refuses uploads while screenshots are turned off", async () => {
    const org = await makeOrg();
    await settings(org, { screenshotsEnabled: false });
    const res = await uploadAs(org.member.token, { file: await patternImage(), recordedAt: ago(10) });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe("screenshots_disabled");
    expect(filesOf(org.id)).toHaveLength(0);
  });

  it("prunes rows and files older than each organisation's retention, and only those", async () => {
    const short = await makeOrg();
    const long = await makeOrg();
    const png = await patternImage();
    const old = await uploadAs(short.member.token, { file: png, recordedAt: ago(3 * 24 * 60) });
    const recent = await uploadAs(short.member.token, { file: png, recordedAt: ago(60) });
    const keptElsewhere = await uploadAs(long.member.token, { file: png, recordedAt: ago(3 * 24 * 60) });
    expect([old.status, recent.status, keptElsewhere.status]).toEqual([201, 201, 201]);
    expect((await settings(short, { screenshotRetentionDays: 2 })).status).toBe(200);

    const result = await pruneScreenshots(await db());
    expect(result.failed).toEqual([]);
    expect((await rowsOf(short.id)).map((r) => r.id)).toEqual([recent.body.id]);
    expect(filesOf(short.id)).toHaveLength(2);
    expect((await rowsOf(long.id)).map((r) => r.id)).toEqual([keptElsewhere.body.id]);
    expect(filesOf(long.id)).toHaveLength(2);
    expect((await fetchImage(fileRoute, old.body.id, short.member.token)).status).toBe(404);
    const entries = await (await db()).select().from(auditLog).where(eq(auditLog.organizationId, short.id));
    expect(entries).toContainEqual(expect.objectContaining({ action: "screenshot.pruned", actorId: null, data: { count: 1, retentionDays: 2 } }));

    // A run 91 days on removes the rest; running again changes nothing.
    await pruneScreenshots(await db(), new Date(Date.now() + 91 * 86_400_000));
    expect(await rowsOf(short.id)).toHaveLength(0);
    expect(await rowsOf(long.id)).toHaveLength(0);
    expect(filesOf(short.id)).toHaveLength(0);
    expect(filesOf(long.id)).toHaveLength(0);
    expect((await pruneScreenshots(await db(), new Date(Date.now() + 91 * 86_400_000))).deleted).toBe(0);
  });

  it("keeps an organisation's rows and files when its storage fails to delete, and prunes them on the next run", async () => {
    const org = await makeOrg();
    const old = await uploadAs(org.member.token, { file: await patternImage(), recordedAt: ago(3 * 24 * 60) });
    expect(old.status).toBe(201);
    expect((await settings(org, { screenshotRetentionDays: 2 })).status).toBe(200);
    const local = storageFor("local");
    setStorage({ ...local, provider: "local", delete: async () => Promise.reject(new Error("storage unavailable")) });

    const failedRun = await pruneScreenshots(await db());
    expect(failedRun.failed).toContainEqual({ orgId: org.id, error: "storage unavailable" });
    expect((await rowsOf(org.id)).map((r) => r.id)).toEqual([old.body.id]);
    expect(filesOf(org.id)).toHaveLength(2);
    const audited = await (await db()).select().from(auditLog).where(eq(auditLog.organizationId, org.id));
    expect(audited.filter((e) => e.action === "screenshot.pruned")).toEqual([]);

    setStorage(null);
    const retry = await pruneScreenshots(await db());
    expect(retry.failed.map((f) => f.orgId)).not.toContain(org.id);
    expect(await rowsOf(org.id)).toHaveLength(0);
    expect(filesOf(org.id)).toHaveLength(0);
  });
});
