import { afterEach, describe, expect, it } from "vitest";
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { auditLog, timeSlots, users } from "@/db/schema";
import { DELETE as remove } from "@/app/api/timesheet/screenshot/[id]/route";
import { setStorage, storageFor, type ObjectStorage } from "@/lib/storage";
import { slotStart } from "@/lib/services/activity";
import { testDbKind } from "../db";
import { call, db, makeOrg } from "../helpers";
import { ago, fetchImage, fileRoute, filesOf, list, patternImage, rowsOf, thumbRoute, uploadAs } from "./helpers";

afterEach(() => setStorage(null));

describe(`screenshot upload, list, fetch and delete (${testDbKind()})`, () => {
  it("stores an upload with a thumbnail in its 10-minute slot, lists it and serves both images", async () => {
    const org = await makeOrg();
    const png = await patternImage("png");
    const recordedAt = ago(30);
    const res = await uploadAs(org.member.token, { file: png, recordedAt });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      file: `http://localhost:3000/api/timesheet/screenshot/${res.body.id}/file`,
      thumb: `http://localhost:3000/api/timesheet/screenshot/${res.body.id}/thumb`,
      recordedAt,
      timeSlotId: expect.any(String),
      employeeId: org.member.id,
    });
    const [slot] = await (await db()).select().from(timeSlots).where(eq(timeSlots.id, res.body.timeSlotId));
    expect(slot!.userId).toBe(org.member.id);
    expect(slot!.startedAt.toISOString()).toBe(slotStart(new Date(recordedAt)).toISOString());
    expect(filesOf(org.id)).toHaveLength(2);

    const listed = await call(list, "GET", "/api/timesheet/screenshot", {
      token: org.member.token,
      query: { startDate: recordedAt.slice(0, 10), endDate: new Date().toISOString().slice(0, 10), timeZone: "UTC" },
    });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ items: [res.body], total: 1 });

    const image = await fetchImage(fileRoute, res.body.id, org.member.token);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(image.headers.get("cache-control")).toBe("private, max-age=60");
    expect(image.headers.get("x-content-type-options")).toBe("nosniff");
    expect(image.bytes.equals(png)).toBe(true);
    expect(await sharp(image.bytes).metadata()).toMatchObject({ format: "png", width: 64, height: 48 });

    const thumb = await fetchImage(thumbRoute, res.body.id, org.member.token, "thumb");
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    expect(thumb.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await sharp(thumb.bytes).metadata()).toMatchObject({ format: "webp", width: 64 });
  });

  it("shrinks wide screenshots to a 320px thumbnail and keeps JPEG and WebP as they are", async () => {
    const org = await makeOrg();
    for (const [format, mime] of [["jpeg", "image/jpeg"], ["webp", "image/webp"]] as const) {
      const bytes = await patternImage(format, 1280, 720);
      const res = await uploadAs(org.member.token, { file: bytes, recordedAt: ago(format === "jpeg" ? 5 : 6), type: "application/octet-stream", filename: "x.bin" });
      expect(res.status).toBe(201);
      const image = await fetchImage(fileRoute, res.body.id, org.member.token);
      expect(image.headers.get("content-type")).toBe(mime);
      const thumb = await fetchImage(thumbRoute, res.body.id, org.member.token, "thumb");
      expect(await sharp(thumb.bytes).metadata()).toMatchObject({ format: "webp", width: 320, height: 180 });
    }
  });

  it("answers a retried upload with the stored screenshot (200), also when both arrive at once", async () => {
    const org = await makeOrg();
    const png = await patternImage();
    const recordedAt = ago(12);
    const first = await uploadAs(org.member.token, { file: png, recordedAt });
    const again = await uploadAs(org.member.token, { file: png, recordedAt });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);

    const at = ago(14);
    const both = await Promise.all([uploadAs(org.member.token, { file: png, recordedAt: at }), uploadAs(org.member.token, { file: png, recordedAt: at })]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(both[0]!.body.id).toBe(both[1]!.body.id);
    expect(await rowsOf(org.id)).toHaveLength(2);
    expect(filesOf(org.id)).toHaveLength(4); // the loser's copy is gone
  });

  it("answers the winner when a duplicate lands between the check and the insert, and drops its own files", async () => {
    const org = await makeOrg();
    const png = await patternImage();
    const recordedAt = ago(16);
    const local = storageFor("local");
    let racer: Promise<{ status: number; body: { id: string } }> | undefined;
    setStorage({
      ...local,
      provider: "local",
      put: async (key, data, type) => {
        if (!racer) {
          // The first upload has passed its duplicate check; a second one now completes first.
          setStorage(null);
          racer = uploadAs(org.member.token, { file: png, recordedAt });
          await racer;
        }
        await local.put(key, data, type);
      },
    });
    const late = await uploadAs(org.member.token, { file: png, recordedAt });
    const early = await racer!;
    expect(early.status).toBe(201);
    expect(late.status).toBe(200);
    expect(late.body.id).toBe(early.body.id);
    expect(await rowsOf(org.id)).toHaveLength(1);
    expect(filesOf(org.id)).toHaveLength(2);
  });

  it("lists newest first, paginated, for the owner, their manager and admins", async () => {
    const org = await makeOrg();
    const png = await patternImage();
    const ids: string[] = [];
    for (const m of [50, 40, 30]) ids.push((await uploadAs(org.member.token, { file: png, recordedAt: ago(m) })).body.id);
    await uploadAs(org.outsider.token, { file: png, recordedAt: ago(45) });
    const range = { startDate: ago(60), endDate: ago(0) };
    const own = await call(list, "GET", "/api/timesheet/screenshot", { token: org.member.token, query: range });
    expect(own.body.items.map((i: { id: string }) => i.id)).toEqual([...ids].reverse());
    const page2 = await call(list, "GET", "/api/timesheet/screenshot", { token: org.member.token, query: { ...range, page: 2, limit: 2 } });
    expect(page2.body).toMatchObject({ total: 3, items: [{ id: ids[0] }] });
    for (const token of [org.manager.token, org.admin.token]) {
      const res = await call(list, "GET", "/api/timesheet/screenshot", { token, query: { ...range, employeeId: org.member.id } });
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(3);
    }
    // Half-open: a screenshot at endDate belongs to the next range.
    const narrow = await call(list, "GET", "/api/timesheet/screenshot", { token: org.member.token, query: { startDate: ago(42), endDate: ago(30) } });
    expect(narrow.body).toEqual({ items: [expect.objectContaining({ id: ids[1] })], total: 1 });

    // Without employeeId: everyone the caller may read.
    const everyone = async (token: string) => (await call(list, "GET", "/api/timesheet/screenshot", { token, query: range })).body;
    expect((await everyone(org.manager.token)).total).toBe(3);
    expect((await everyone(org.admin.token)).total).toBe(4);
    expect((await everyone(org.outsider.token)).items).toEqual([expect.objectContaining({ employeeId: org.outsider.id })]);
  });

  it("takes every range form of the /api/timesheet lists: local date-times in the zone, and employeeId repeated", async () => {
    const org = await makeOrg();
    const png = await patternImage();
    const mine = (await uploadAs(org.member.token, { file: png, recordedAt: ago(30) })).body.id;
    const managers = (await uploadAs(org.manager.token, { file: png, recordedAt: ago(35) })).body.id;
    // The wall clock of an instant in a zone that is UTC+05:30 all year.
    const kolkata = (iso: string, sep = "T") => new Date(Date.parse(iso) + 330 * 60_000).toISOString().slice(0, 16).replace("T", sep);
    const local = { startDate: kolkata(ago(40)), endDate: `${kolkata(ago(20))}:00`, timeZone: "Asia/Kolkata" };
    const res = await call(list, "GET", "/api/timesheet/screenshot", { token: org.member.token, query: local });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [expect.objectContaining({ id: mine })], total: 1 });
    // "YYYY-MM-DD HH:mm" too; a local endDate is exclusive like an instant.
    const spaced = { startDate: kolkata(ago(40), " "), endDate: kolkata(ago(30), " "), timeZone: "Asia/Kolkata" };
    const before = await call(list, "GET", "/api/timesheet/screenshot", { token: org.member.token, query: spaced });
    expect(before.status).toBe(200);
    expect(before.body.total).toBe(0);
    const both = await call(list, "GET", "/api/timesheet/screenshot", {
      token: org.admin.token,
      query: { startDate: ago(60), endDate: ago(0), employeeId: [org.member.id, org.manager.id] },
    });
    expect(both.status).toBe(200);
    expect(both.body.items.map((i: { id: string }) => i.id)).toEqual([mine, managers]);
    const foreign = await call(list, "GET", "/api/timesheet/screenshot", {
      token: org.member.token,
      query: { startDate: ago(60), endDate: ago(0), employeeId: [org.member.id, org.manager.id] },
    });
    expect(foreign.status).toBe(403);
  });

  it.each([
    [{ startDate: "2026-01-01" }, 422, "query.endDate"],
    [{ startDate: "2026-02-30", endDate: "2026-03-01" }, 422, "query.startDate"],
    [{ startDate: "yesterday", endDate: "2026-03-01" }, 422, "query.startDate"],
    [{ startDate: "2026-03-02", endDate: "2026-03-01" }, 422, "query.endDate: must be after startDate"],
    [{ startDate: "2026-03-01", endDate: "2026-03-02", employeeId: "nope" }, 422, "query.employeeId"],
    [{ startDate: "2026-03-01", endDate: "2026-03-02", timeZone: "Mars/Base" }, 422, "query.timeZone"],
  ])("refuses a bad list query (%#)", async (query, status, field) => {
    const org = await makeOrg();
    const res = await call(list, "GET", "/api/timesheet/screenshot", { token: org.member.token, query });
    expect(res.status).toBe(status);
    expect(res.body.message).toContain(field);
  });

  it("lets the owner delete a screenshot: audited, files gone, then 404", async () => {
    const org = await makeOrg();
    const up = await uploadAs(org.member.token, { file: await patternImage(), recordedAt: ago(20) });
    expect(filesOf(org.id)).toHaveLength(2);
    const res = await call(remove, "DELETE", `/api/timesheet/screenshot/${up.body.id}`, { token: org.member.token, params: { id: up.body.id } });
    expect(res.status).toBe(204);
    expect(filesOf(org.id)).toHaveLength(0);
    expect(await rowsOf(org.id)).toHaveLength(0);
    const entries = await (await db()).select().from(auditLog).where(eq(auditLog.organizationId, org.id));
    expect(entries).toContainEqual(expect.objectContaining({ action: "screenshot.deleted", entityId: up.body.id, actorId: org.member.id }));
    expect((await fetchImage(fileRoute, up.body.id, org.member.token)).status).toBe(404);
    const again = await call(remove, "DELETE", `/api/timesheet/screenshot/${up.body.id}`, { token: org.member.token, params: { id: up.body.id } });
    expect(again.status).toBe(404);
  });

  it("leaves no row and no file when storing fails, and none when the row cannot be written", async () => {
    const org = await makeOrg();
    const local = storageFor("local");
    const failing: ObjectStorage = {
      provider: "local",
      put: async (key, data, type) => {
        if (key.endsWith(".thumb.webp")) throw new Error("disk full");
        await local.put(key, data, type);
      },
      get: (key) => local.get(key),
      delete: (keys) => local.delete(keys),
    };
    setStorage(failing);
    const res = await uploadAs(org.member.token, { file: await patternImage(), recordedAt: ago(8) });
    expect(res.status).toBe(500);
    expect(await rowsOf(org.id)).toHaveLength(0);
    expect(filesOf(org.id)).toHaveLength(0);

    // The files are written, then the user disappears: the row's insert fails and takes the files with it.
    const member = org.member;
    setStorage({
      ...failing,
      put: async (key, data, type) => {
        await local.put(key, data, type);
        if (key.endsWith(".thumb.webp")) await (await db()).delete(users).where(eq(users.id, member.id));
      },
    });
    const lost = await uploadAs(member.token, { file: await patternImage(), recordedAt: ago(9) });
    expect(lost.status).toBe(500);
    expect(await (await db()).select().from(users).where(eq(users.id, member.id))).toHaveLength(0);
    expect(await rowsOf(org.id)).toHaveLength(0);
    expect(filesOf(org.id)).toHaveLength(0);
  });
});
