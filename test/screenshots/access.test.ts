import { describe, expect, it } from "vitest";
import { timeSlots } from "@/db/schema";
import { DELETE as remove } from "@/app/api/timesheet/screenshot/[id]/route";
import { slotStart } from "@/lib/services/activity";
import { MAX_SCREENSHOT_BYTES } from "@/lib/services/screenshots";
import { testDbKind } from "../db";
import { call, db, makeOrg } from "../helpers";
import { ago, fetchImage, fileRoute, filesOf, list, patternImage, rowsOf, thumbRoute, upload, uploadAs } from "./helpers";

describe(`screenshot refusals (${testDbKind()})`, () => {
  it("refuses what is not a PNG, JPEG or WebP by its content, whatever its name", async () => {
    const org = await makeOrg();
    const cases: Array<[string, Buffer | string, number, string]> = [
      ["a text file renamed .png", "hello, I am not an image", 415, "unsupported_media_type"],
      ["a GIF", Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1"), 415, "unsupported_media_type"],
      ["a PNG header over garbage", Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]), 422, "validation_failed"],
    ];
    for (const [what, file, status, code] of cases) {
      const res = await uploadAs(org.member.token, { file, filename: "screen.png", type: "image/png", recordedAt: ago(5) });
      expect(res.status, what).toBe(status);
      expect(res.body.error, what).toBe(code);
      expect(res.body.message, what).toMatch(/^body\.file: /);
    }
    expect(await rowsOf(org.id)).toHaveLength(0);
    expect(filesOf(org.id)).toHaveLength(0);
  });

  it("refuses a file over 10 MB with 413", async () => {
    const org = await makeOrg();
    const big = Buffer.concat([await patternImage(), Buffer.alloc(MAX_SCREENSHOT_BYTES, 1)]);
    const res = await uploadAs(org.member.token, { file: big, recordedAt: ago(5) });
    expect(res.status).toBe(413);
    expect(res.body.error).toBe("payload_too_large");
    const declared = await call(upload, "POST", "/api/timesheet/screenshot", {
      token: org.member.token,
      rawBody: "x",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(20 * 1024 * 1024) },
    });
    expect(declared.status).toBe(413);
  });

  it.each([
    [{ recordedAt: undefined }, 422, "body.recordedAt"],
    [{ recordedAt: "yesterday" }, 422, "body.recordedAt"],
    [{ recordedAt: "2026-01-15T10:30:00" }, 422, "body.recordedAt"],
    [{ recordedAt: new Date(Date.now() + 3_600_000).toISOString() }, 422, "body.recordedAt: must not be in the future"],
    [{ recordedAt: new Date(Date.now() - 91 * 86_400_000).toISOString() }, 422, "body.recordedAt: is older than"],
    [{ timeSlotId: "not-a-uuid" }, 422, "body.timeSlotId"],
    [{ file: undefined }, 422, "body.file"],
  ])("names the field of a bad upload (%#)", async (fields, status, message) => {
    const org = await makeOrg();
    const res = await uploadAs(org.member.token, { file: await patternImage(), recordedAt: ago(5), ...fields });
    expect(res.status).toBe(status);
    expect(res.body.message).toContain(message);
  });

  it("refuses a body that is not multipart with 415", async () => {
    const org = await makeOrg();
    const res = await call(upload, "POST", "/api/timesheet/screenshot", { token: org.member.token, body: { recordedAt: ago(5) } });
    expect(res.status).toBe(415);
  });

  it("attaches to a given slot only if it is the caller's and holds recordedAt", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const d = await db();
    const recordedAt = ago(25);
    const startedAt = slotStart(new Date(recordedAt));
    const [mine] = await d.insert(timeSlots).values({ organizationId: org.id, userId: org.member.id, startedAt }).returning();
    const [colleagues] = await d.insert(timeSlots).values({ organizationId: org.id, userId: org.outsider.id, startedAt }).returning();
    const [foreign] = await d.insert(timeSlots).values({ organizationId: other.id, userId: other.member.id, startedAt }).returning();
    const png = await patternImage();
    expect((await uploadAs(org.member.token, { file: png, recordedAt, timeSlotId: colleagues!.id })).status).toBe(404);
    expect((await uploadAs(org.member.token, { file: png, recordedAt, timeSlotId: foreign!.id })).status).toBe(404);
    const outside = await uploadAs(org.member.token, { file: png, recordedAt: ago(45), timeSlotId: mine!.id });
    expect(outside.status).toBe(422);
    expect(outside.body.message).toContain("body.timeSlotId");
    const ok = await uploadAs(org.member.token, { file: png, recordedAt, timeSlotId: mine!.id });
    expect(ok.status).toBe(201);
    expect(ok.body.timeSlotId).toBe(mine!.id);
  });
});

describe(`who sees and deletes a screenshot (${testDbKind()})`, () => {
  it("serves the image to the owner, their manager and an admin; a stranger and another organisation get 404", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const up = await uploadAs(org.member.token, { file: await patternImage(), recordedAt: ago(15) });
    const expected: Array<[string, string, number]> = [
      ["owner", org.member.token, 200],
      ["manager", org.manager.token, 200],
      ["admin", org.admin.token, 200],
      ["stranger", org.outsider.token, 404],
      ["other organisation's admin", other.admin.token, 404],
    ];
    for (const [who, token, status] of expected) {
      expect((await fetchImage(fileRoute, up.body.id, token)).status, who).toBe(status);
      expect((await fetchImage(thumbRoute, up.body.id, token, "thumb")).status, who).toBe(status);
    }
    expect((await fetchImage(fileRoute, up.body.id, undefined)).status).toBe(401);
  });

  it("lists another member's screenshots only for their managers and admins (403), never another organisation's (404)", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    await uploadAs(org.member.token, { file: await patternImage(), recordedAt: ago(15) });
    const query = { startDate: ago(60), endDate: ago(0), employeeId: org.member.id };
    expect((await call(list, "GET", "/api/timesheet/screenshot", { token: org.outsider.token, query })).status).toBe(403);
    expect((await call(list, "GET", "/api/timesheet/screenshot", { token: other.admin.token, query })).status).toBe(404);
    expect((await call(list, "GET", "/api/timesheet/screenshot", { token: org.manager.token, query })).body.total).toBe(1);
  });

  it("lets the owner and admins delete; a manager gets 403, a stranger and another organisation 404", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const png = await patternImage();
    const a = await uploadAs(org.member.token, { file: png, recordedAt: ago(15) });
    const del = (id: string, token: string) => call(remove, "DELETE", `/api/timesheet/screenshot/${id}`, { token, params: { id } });
    expect((await del(a.body.id, org.manager.token)).status).toBe(403);
    expect((await del(a.body.id, org.outsider.token)).status).toBe(404);
    expect((await del(a.body.id, other.admin.token)).status).toBe(404);
    expect(await rowsOf(org.id)).toHaveLength(1);
    expect((await del(a.body.id, org.admin.token)).status).toBe(204);
    expect(filesOf(org.id)).toHaveLength(0);
  });
});
