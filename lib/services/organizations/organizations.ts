import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, type Organization } from "@/db/schema";
import { now } from "@/base/clock";
import { notFound } from "@/lib/errors";
import { hasPermission, requirePermission, type Caller } from "@/lib/auth/permissions";
import { audit } from "@/lib/services/platform/audit";
import { seedDefaultProductivityRules } from "@/lib/services/activity/productivity-rules";
import { inTx } from "@/lib/services/platform/tx";
import type { OrgView } from "@/lib/validation/account-responses";

/** The seed's organisation object; it spells `decription`, so both spellings are sent. */
export function orgView(o: Organization): OrgView {
  return {
    id: o.id,
    name: o.name,
    decription: o.description,
    description: o.description,
    email: o.email,
    defaultTimeZone: o.defaultTimeZone,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}
export type { OrgView };

export interface NewOrganization {
  name: string;
  email?: string | null;
  description?: string | null;
  defaultTimeZone?: string;
}

/**
 * Creates an organisation. Everything a new organisation starts with is set up here, so
 * signup and any later creation path get the same defaults.
 */
export async function createOrganization(db: Db, input: NewOrganization): Promise<Organization> {
  const at = now();
  const [org] = await db
    .insert(organizations)
    .values({
      name: input.name,
      email: input.email ?? null,
      description: input.description ?? null,
      defaultTimeZone: input.defaultTimeZone ?? "UTC",
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  await seedDefaultProductivityRules(db, org!.id);
  return org!;
}

/** Members read their own organisation; a super user reads any. Others: 404. */
export async function getOrganization(db: Db, caller: Caller, orgId: string): Promise<Organization> {
  if (orgId !== caller.orgId && !hasPermission(caller, "SUPER_USER")) throw notFound("Organisation");
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  if (!org) throw notFound("Organisation");
  return org;
}

export interface OrganizationChanges {
  name?: string;
  email?: string | null;
  description?: string | null;
  defaultTimeZone?: string;
}

export async function updateOrganization(db: Db, caller: Caller, orgId: string, changes: OrganizationChanges): Promise<Organization> {
  if (orgId !== caller.orgId) throw notFound("Organisation");
  requirePermission(caller, "ORG_ADMIN");
  const set: Partial<Organization> = { updatedAt: now() };
  if (changes.name !== undefined) set.name = changes.name;
  if (changes.email !== undefined) set.email = changes.email;
  if (changes.description !== undefined) set.description = changes.description;
  if (changes.defaultTimeZone !== undefined) set.defaultTimeZone = changes.defaultTimeZone;
  return inTx(db, async (tx) => {
    const [org] = await tx.update(organizations).set(set).where(eq(organizations.id, orgId)).returning();
    if (!org) throw notFound("Organisation");
    await audit(tx, caller, "organization.updated", { type: "organization", id: orgId }, { fields: Object.keys(changes) });
    return org;
  });
}
