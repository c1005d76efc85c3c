import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { projects, tasks, type Project } from "@/db/schema";
import { now } from "@/base/clock";
import { AppError, notFound } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db-errors";
import { assertCreatorOrAdmin, type Caller } from "@/lib/auth/permissions";
import { audit } from "@/lib/services/platform/audit";
import { inTx } from "@/lib/services/platform/tx";
import { countWhere, paginate, type Page, type Paged } from "@/lib/services/platform/paging";
import type { ProjectView } from "@/lib/validation/tracking-responses";

// Projects of the /v1 API. Every member of the organisation sees and creates projects; the
// creator (`userId`) or an admin changes them.

export type { Page } from "@/lib/services/platform/paging";

export function projectView(p: Project): ProjectView {
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

// External ids are unique per organisation among projects, and separately among tasks.
const EXTERNAL_ID = {
  project: { table: projects, constraint: "projects_org_external_uq" },
  task: { table: tasks, constraint: "tasks_org_external_uq" },
} as const;
type ExternalIdOwner = keyof typeof EXTERNAL_ID;

const externalIdTaken = (what: ExternalIdOwner, externalId: string) =>
  new AppError("external_id_taken", `A ${what} with the external id ${externalId} already exists in this organisation`, { field: "externalId" });

/** 409 external_id_taken when another project (or task) of the organisation carries `externalId`. */
export async function assertExternalIdFree(
  db: Db,
  what: ExternalIdOwner,
  orgId: string,
  externalId: string | null | undefined,
  exceptId?: string,
): Promise<void> {
  if (!externalId) return;
  const t = EXTERNAL_ID[what].table;
  const [other] = await db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.organizationId, orgId), eq(t.externalId, externalId), exceptId ? ne(t.id, exceptId) : undefined));
  if (other) throw externalIdTaken(what, externalId);
}

/** The unique index is the backstop for two requests that pass the pre-check together. */
export async function guardExternalId<T>(what: ExternalIdOwner, externalId: string | null | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (externalId && isUniqueViolation(err, EXTERNAL_ID[what].constraint)) throw externalIdTaken(what, externalId);
    throw err;
  }
}

export async function listProjects(db: Db, caller: Caller, page?: Page): Promise<Paged<Project>> {
  const where = eq(projects.organizationId, caller.orgId);
  const query = db.select().from(projects).where(where).orderBy(asc(projects.createdAt), asc(projects.id)).$dynamic();
  return paginate(query, page, countWhere(db, projects, where));
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
  return guardExternalId("project", input.externalId, () =>
    inTx(db, async (tx) => {
      await assertExternalIdFree(tx, "project", caller.orgId, input.externalId);
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
  return guardExternalId("project", input.externalId, () =>
    inTx(db, async (tx) => {
      const current = await projectInOrg(tx, caller.orgId, projectId);
      assertCreatorOrAdmin(caller, current.userId, "project");
      await assertExternalIdFree(tx, "project", caller.orgId, input.externalId, projectId);
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
