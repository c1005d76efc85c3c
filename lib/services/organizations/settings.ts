import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, type Organization } from "@/db/schema";
import { now } from "@/base/clock";
import { notFound } from "@/lib/errors";
import { requirePermission, type Caller } from "@/lib/auth/permissions";
import { audit } from "@/lib/services/platform/audit";
import { inTx } from "@/lib/services/platform/tx";
import type { OrgSettingsView } from "@/lib/validation/org-settings";

// The organisation's privacy and overlap settings (GET/PUT /v1/orgs/{orgId}/settings).

export interface OrgSettings {
  overlapPolicy: "reject" | "trim";
  screenshotsEnabled: boolean;
  screenshotBlur: boolean;
  screenshotRetentionDays: number;
  defaultTimeZone: string;
}

const SETTINGS: ReadonlyArray<keyof OrgSettings> = ["overlapPolicy", "screenshotsEnabled", "screenshotBlur", "screenshotRetentionDays", "defaultTimeZone"];

export function orgSettingsView(o: Organization): OrgSettingsView {
  return {
    organizationId: o.id,
    overlapPolicy: o.overlapPolicy,
    screenshotsEnabled: o.screenshotsEnabled,
    screenshotBlur: o.screenshotBlur,
    screenshotRetentionDays: o.screenshotRetentionDays,
    defaultTimeZone: o.defaultTimeZone,
    updatedAt: o.updatedAt.toISOString(),
  };
}

/** The settings of an organisation, for services acting inside it. */
export async function loadOrgSettings(db: Db, orgId: string): Promise<Organization> {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  if (!org) throw notFound("Organisation");
  return org;
}

/** Any member reads their organisation's settings; another organisation is "not found". */
export async function getOrgSettings(db: Db, caller: Caller, orgId: string): Promise<Organization> {
  if (orgId !== caller.orgId) throw notFound("Organisation");
  return loadOrgSettings(db, orgId);
}

export async function updateOrgSettings(db: Db, caller: Caller, orgId: string, changes: Partial<OrgSettings>): Promise<Organization> {
  if (orgId !== caller.orgId) throw notFound("Organisation");
  requirePermission(caller, "ORG_ADMIN");
  // only the settings' own columns, and only those sent
  const changed: Partial<OrgSettings> = Object.fromEntries(SETTINGS.filter((k) => changes[k] !== undefined).map((k) => [k, changes[k]]));
  return inTx(db, async (tx) => {
    const [org] = await tx
      .update(organizations)
      .set({ ...changed, updatedAt: now() })
      .where(eq(organizations.id, orgId))
      .returning();
    if (!org) throw notFound("Organisation");
    await audit(tx, caller, "organization.settings_updated", { type: "organization", id: orgId }, changed);
    return org;
  });
}
