import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { projects, type Project } from "@/db/schema";
import { now } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db-errors";
import { assertCreatorOrAdmin, type Caller } from "@/lib/auth/permissions";
import { audit } from "./audit";
import { inTx } from "./tx";

// Projects of the /v1 API. Every member of the organisation sees and creates projects; the
// creator (`userId`) or an admin changes them.

export interface Page {
  page: number;
  limit: number;
}

export function projectView(p: Project) {
  return {
    id: p.id,
    userId: p.userId,
    name: p.name,
    description: p.description,
    externalId: p.externalId,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** A project of the organisation, or 404 (a foreign one looks exactly like a missing one). */
export async function projectInOrg(db: Db, orgId: string, projectId: string): Promise<Project> {
  const [p] = await db.select().from(projects).where(and(eq(projects.organizationId, orgId), eq(projects.id, projectId)));
  if (!p) throw notFound("Project");
  return p;
}

export const externalIdTaken = (what: string, externalId: string) =>
  new AppError("external_id_taken", `A ${what} with the external id ${externalId} already exists in this organisation`, { field: "externalId" });

async function assertProjectExternalIdFree(db: Db, orgId: string, externalId: string | null | undefined, exceptId?: string): Promise<void> {
  if (!externalId) return;
  const [other] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.organizationId, orgId), eq(projects.externalId, externalId), exceptId ? ne(projects.id, exceptId) : undefined));
  if (other) throw externalIdTaken("project", externalId);
}

/** The unique index is the backstop for two requests that pass the pre-check together. */
export async function guardExternalId<T>(what: string, externalId: string | null | undefined, constraint: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (externalId && isUniqueViolation(err, constraint)) throw externalIdTaken(what, externalId);
    throw err;
  }
}

export async function listProjects(db: Db, caller: Caller, page: Page): Promise<Project[]> {
  return db
    .select()
    .from(projects)
    .where(eq(projects.organizationId, caller.orgId))
    .orderBy(asc(projects.createdAt), asc(projects.id))
    .limit(page.limit)
    .offset((page.page - 1) * page.limit);
}

export async function getProject(db: Db, caller: Caller, projectId: string): Promise<Project> {
  return projectInOrg(db, caller.orgId, projectId);
}

export interface ProjectInput {
  name: string;
  description?: string | null;
  externalId?: string | null;
}

export async function createProject(db: Db, caller: Caller, input: ProjectInput): Promise<Project> {
  return guardExternalId("project", input.externalId, "projects_org_external_uq", () =>
    inTx(db, async (tx) => {
      await assertProjectExternalIdFree(tx, caller.orgId, input.externalId);
      const at = now();
      const [p] = await tx
        .insert(projects)
        .values({
          organizationId: caller.orgId,
          userId: caller.userId,
          name: input.name,
          description: input.description ?? null,
          externalId: input.externalId ?? null,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      await audit(tx, caller, "project.created", { type: "project", id: p!.id }, { name: p!.name, externalId: p!.externalId });
      return p!;
    }),
  );
}

export async function updateProject(db: Db, caller: Caller, projectId: string, input: Partial<ProjectInput>): Promise<Project> {
  return guardExternalId("project", input.externalId, "projects_org_external_uq", () =>
    inTx(db, async (tx) => {
      const current = await projectInOrg(tx, caller.orgId, projectId);
      assertCreatorOrAdmin(caller, current.userId, "project");
      await assertProjectExternalIdFree(tx, caller.orgId, input.externalId, projectId);
      const [p] = await tx
        .update(projects)
        // drizzle leaves out the fields that are undefined
        .set({
          name: input.name,
          description: input.description,
          externalId: input.externalId,
          updatedAt: now(),
        })
        .where(and(eq(projects.organizationId, caller.orgId), eq(projects.id, projectId)))
        .returning();
      await audit(tx, caller, "project.updated", { type: "project", id: projectId }, { fields: Object.keys(input) });
      return p!;
    }),
  );
}
