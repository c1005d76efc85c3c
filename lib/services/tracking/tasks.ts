import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tasks, type Task } from "@/db/schema";
import { now } from "@/base/clock";
import { AppError, notFound } from "@/lib/errors";
import { assertCreatorOrAdmin, type Caller } from "@/lib/auth/permissions";
import { audit } from "@/lib/services/platform/audit";
import { inTx } from "@/lib/services/platform/tx";
import { assertExternalIdFree, guardExternalId, projectInOrg } from "./projects";
import { countWhere, paginate, type Page, type Paged } from "@/lib/services/platform/paging";
import type { TaskView } from "@/lib/validation/tracking-responses";
import { deleteTaskEntries, reassignTaskEntries } from "./time-entries";

// Tasks of the /v1 API: `userId` is the creator. Every member sees and creates tasks; the
// creator or an admin changes, moves and deletes them. A task's time entries carry its
// project, so reports by project stay truthful when a task moves (see setTaskProject).

export type TaskStatus = Task["status"];

export function taskView(t: Task): TaskView {
  return {
    id: t.id,
    userId: t.userId,
    name: t.name,
    description: t.description,
    status: t.status,
    projectId: t.projectId,
    externalId: t.externalId,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export async function taskInOrg(db: Db, orgId: string, taskId: string): Promise<Task> {
  const [t] = await db.select().from(tasks).where(and(eq(tasks.organizationId, orgId), eq(tasks.id, taskId)));
  if (!t) throw notFound("Task");
  return t;
}

/** A task addressed under a project path: the project and the task must both exist and belong together. */
async function projectTask(db: Db, orgId: string, projectId: string, taskId: string): Promise<Task> {
  await projectInOrg(db, orgId, projectId);
  const task = await taskInOrg(db, orgId, taskId);
  if (task.projectId !== projectId) throw notFound("Task in this project");
  return task;
}

/** Serialises find-or-create and uniqueness checks on one key of one organisation (transaction-scoped). */
export async function lockKey(tx: Db, orgId: string, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${orgId} || ':' || ${key}))`);
}
export const externalKey = (externalId: string) => `task-external:${externalId}`;

/** Takes the external id's lock (held to the end of the transaction), then checks it is free. */
async function assertTaskExternalIdFree(tx: Db, orgId: string, externalId: string | null | undefined, exceptId?: string): Promise<void> {
  if (!externalId) return;
  await lockKey(tx, orgId, externalKey(externalId));
  await assertExternalIdFree(tx, "task", orgId, externalId, exceptId);
}

export interface TaskListQuery {
  status?: TaskStatus;
  projectId?: string;
}

export async function listTasks(db: Db, caller: Caller, q: TaskListQuery, page?: Page): Promise<Paged<Task>> {
  if (q.projectId) await projectInOrg(db, caller.orgId, q.projectId);
  const where = and(
    eq(tasks.organizationId, caller.orgId),
    q.status ? eq(tasks.status, q.status) : undefined,
    q.projectId ? eq(tasks.projectId, q.projectId) : undefined,
  );
  const query = db.select().from(tasks).where(where).orderBy(asc(tasks.createdAt), asc(tasks.id)).$dynamic();
  return paginate(query, page, countWhere(db, tasks, where));
}

export async function listProjectTasks(db: Db, caller: Caller, projectId: string, page?: Page): Promise<Paged<Task>> {
  return listTasks(db, caller, { projectId }, page);
}

export async function getTask(db: Db, caller: Caller, taskId: string): Promise<Task> {
  return taskInOrg(db, caller.orgId, taskId);
}

export interface TaskInput {
  name: string;
  description?: string | null;
  externalId?: string | null;
  projectId?: string | null;
}

/** Inserts a task; `tx` must be a transaction (the external-id lock lasts until it ends). */
export async function insertTask(tx: Db, caller: Caller, input: TaskInput): Promise<Task> {
  if (input.projectId) await projectInOrg(tx, caller.orgId, input.projectId);
  await assertTaskExternalIdFree(tx, caller.orgId, input.externalId);
  const at = now();
  const [t] = await tx
    .insert(tasks)
    .values({
      organizationId: caller.orgId,
      userId: caller.userId,
      projectId: input.projectId ?? null,
      name: input.name,
      description: input.description ?? null,
      externalId: input.externalId ?? null,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  await audit(tx, caller, "task.created", { type: "task", id: t!.id }, { name: t!.name, projectId: t!.projectId, externalId: t!.externalId });
  return t!;
}

export async function createTask(db: Db, caller: Caller, input: TaskInput): Promise<Task> {
  return guardExternalId("task", input.externalId, () => inTx(db, (tx) => insertTask(tx, caller, input)));
}

export interface TaskUpdate {
  name?: string;
  description?: string | null;
  externalId?: string | null;
  status?: TaskStatus;
}

export async function updateTask(db: Db, caller: Caller, taskId: string, input: TaskUpdate): Promise<Task> {
  return guardExternalId("task", input.externalId, () =>
    inTx(db, async (tx) => {
      const current = await taskInOrg(tx, caller.orgId, taskId);
      assertCreatorOrAdmin(caller, current.userId, "task");
      await assertTaskExternalIdFree(tx, caller.orgId, input.externalId, taskId);
      const [t] = await tx
        .update(tasks)
        // drizzle leaves out the fields that are undefined
        .set({
          name: input.name,
          description: input.description,
          externalId: input.externalId,
          status: input.status,
          updatedAt: now(),
        })
        .where(and(eq(tasks.organizationId, caller.orgId), eq(tasks.id, taskId)))
        .returning();
      await audit(tx, caller, "task.updated", { type: "task", id: taskId }, { fields: Object.keys(input), status: input.status });
      return t!;
    }),
  );
}

/**
 * Points the task and its entries at `projectId` (null: standalone) in one transaction, so
 * reports by project follow the task. Entries of submitted or approved weeks keep the
 * project they were submitted under: the lock protects them from every side door.
 */
async function setTaskProject(tx: Db, caller: Caller, task: Task, projectId: string | null, action: string): Promise<Task> {
  const at = now();
  const [t] = await tx
    .update(tasks)
    .set({ projectId, updatedAt: at })
    .where(and(eq(tasks.organizationId, caller.orgId), eq(tasks.id, task.id)))
    .returning();
  // an entry any submitted or approved sheet of its owner overlaps (by instants) stays
  await reassignTaskEntries(tx, caller, task.id, projectId, at);
  await audit(tx, caller, action, { type: "task", id: task.id }, { from: task.projectId, to: projectId });
  return t!;
}

export async function moveTask(db: Db, caller: Caller, fromProjectId: string, taskId: string, toProjectId: string): Promise<Task> {
  return inTx(db, async (tx) => {
    const task = await projectTask(tx, caller.orgId, fromProjectId, taskId);
    assertCreatorOrAdmin(caller, task.userId, "task");
    await projectInOrg(tx, caller.orgId, toProjectId);
    if (toProjectId === task.projectId) return task;
    return setTaskProject(tx, caller, task, toProjectId, "task.moved");
  });
}

export async function assignTask(db: Db, caller: Caller, projectId: string, taskId: string): Promise<Task> {
  return inTx(db, async (tx) => {
    await projectInOrg(tx, caller.orgId, projectId);
    const task = await taskInOrg(tx, caller.orgId, taskId);
    assertCreatorOrAdmin(caller, task.userId, "task");
    if (task.projectId === projectId) return task;
    if (task.projectId) {
      throw new AppError("conflict", `The task belongs to project ${task.projectId}; move it with PUT /v1/projects/${task.projectId}/tasks/${task.id}/move`, {
        projectId: task.projectId,
      });
    }
    return setTaskProject(tx, caller, task, projectId, "task.assigned");
  });
}

export async function unassignTask(db: Db, caller: Caller, projectId: string, taskId: string): Promise<Task> {
  return inTx(db, async (tx) => {
    const task = await projectTask(tx, caller.orgId, projectId, taskId);
    assertCreatorOrAdmin(caller, task.userId, "task");
    return setTaskProject(tx, caller, task, null, "task.unassigned");
  });
}

/**
 * Deletes a task and all its time entries. The creator may delete it while all its time is
 * their own; other people's time needs an admin. Entries of submitted or approved weeks
 * block the deletion (423), except other people's entries for an admin, as for any entry.
 */
export async function deleteTask(db: Db, caller: Caller, projectId: string, taskId: string): Promise<{ task: Task; deletedTracks: number }> {
  return inTx(db, async (tx) => {
    const task = await projectTask(tx, caller.orgId, projectId, taskId);
    assertCreatorOrAdmin(caller, task.userId, "task");
    // Entries an agent recorded are evidence: the audit names the ones that went with the task.
    const { deleted, agentRecorded: agentRecordedTracks } = await deleteTaskEntries(tx, caller, taskId);
    await tx.delete(tasks).where(and(eq(tasks.organizationId, caller.orgId), eq(tasks.id, taskId)));
    await audit(tx, caller, "task.deleted", { type: "task", id: taskId }, { name: task.name, projectId, deletedTracks: deleted.length, agentRecordedTracks });
    return { task, deletedTracks: deleted.length };
  });
}
