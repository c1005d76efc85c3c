import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { GET, PUT } from "@/app/v1/orgs/[orgId]/settings/route";
import { orgSettingsResponse } from "@/lib/validation/org-settings";
import { testDbKind } from "../db";
import { call, db, makeOrg } from "../helpers";

const get = (orgId: string, token: string) => call(GET, "GET", `/v1/orgs/${orgId}/settings`, { token, params: { orgId } });
const put = (orgId: string, token: string, body: unknown) => call(PUT, "PUT", `/v1/orgs/${orgId}/settings`, { token, params: { orgId }, body });

describe(`organisation settings API (${testDbKind()})`, () => {
  it("lets any member read the settings, with the defaults of a new organisation", async () => {
    const org = await makeOrg();
    const res = await get(org.id, org.member.token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      organizationId: org.id,
      overlapPolicy: "reject",
      screenshotsEnabled: true,
      screenshotBlur: false,
      screenshotRetentionDays: 90,
      defaultTimeZone: "UTC",
      updatedAt: expect.any(String),
    });
    expect(orgSettingsResponse.parse(res.body)).toEqual(res.body);
  });

  it("lets an admin change some settings (audited); members and managers get 403", async () => {
    const org = await makeOrg();
    for (const token of [org.member.token, org.manager.token]) {
      const denied = await put(org.id, token, { screenshotBlur: true });
      expect(denied.status).toBe(403);
    }
    const res = await put(org.id, org.admin.token, { screenshotBlur: true, screenshotRetentionDays: 30, overlapPolicy: "trim", defaultTimeZone: "Europe/Berlin" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ screenshotBlur: true, screenshotRetentionDays: 30, overlapPolicy: "trim", defaultTimeZone: "Europe/Berlin", screenshotsEnabled: true });
    expect((await get(org.id, org.member.token)).body).toEqual(res.body);
    const entries = await (await db()).select().from(auditLog).where(eq(auditLog.organizationId, org.id));
    expect(entries).toContainEqual(expect.objectContaining({ action: "organization.settings_updated", actorId: org.admin.id }));
  });

  it("answers 404 for another organisation, to members and admins alike", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    expect((await get(other.id, org.member.token)).status).toBe(404);
    expect((await get(other.id, org.admin.token)).status).toBe(404);
    expect((await put(other.id, org.admin.token, { screenshotBlur: true })).status).toBe(404);
    expect((await get(other.id, other.member.token)).body.screenshotBlur).toBe(false);
  });

  it.each([
    [{ screenshotRetentionDays: 0 }, "body.screenshotRetentionDays"],
    [{ screenshotRetentionDays: 3651 }, "body.screenshotRetentionDays"],
    [{ screenshotRetentionDays: 1.5 }, "body.screenshotRetentionDays"],
    [{ screenshotRetentionDays: "30" }, "body.screenshotRetentionDays"],
    [{ overlapPolicy: "merge" }, "body.overlapPolicy"],
    [{ screenshotsEnabled: "yes" }, "body.screenshotsEnabled"],
    [{ defaultTimeZone: "Mars/Base" }, "body.defaultTimeZone"],
    [{ screenshotBlurr: true }, "body"],
    [{}, "body"],
  ])("refuses %j with 422 naming the field", async (body, field) => {
    const org = await makeOrg();
    const res = await put(org.id, org.admin.token, body);
    expect(res.status).toBe(422);
    expect(res.body.message).toContain(field);
    expect((await get(org.id, org.admin.token)).body.screenshotRetentionDays).toBe(90);
  });

  it("accepts the retention bounds", async () => {
    const org = await makeOrg();
    expect((await put(org.id, org.admin.token, { screenshotRetentionDays: 1 })).body.screenshotRetentionDays).toBe(1);
    expect((await put(org.id, org.admin.token, { screenshotRetentionDays: 3650 })).body.screenshotRetentionDays).toBe(3650);
  });
});
