import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tasks, type Task, type TimeEntry } from "@/db/schema";
import type { Caller } from "@/lib/auth/permissions";
import { startTimer, stopTimer } from "./time-entries";
import { externalKey, insertTask, lockKey, taskInOrg } from "./tasks";
import { inTx } from "@/lib/services/platform/tx";

// Starting and stopping a task's timer, and clock-in by task name or external id. A track is
// a time entry, so the timer core decides everything about running entries: starting while
// another entry runs stops it at the same instant (the "switch" of a person's timer).

/** Starts the caller's timer on the task; 404 for a task of another organisation, 409 task_closed. */
export async function startTask(db: Db, caller: Caller, taskId: string): Promise<TimeEntry> {
  const { entry } = await startTimer(db, caller, { taskId, whenRunning: "switch" });
  return entry;
}

/** Stops the caller's running entry on the task; 409 timer_not_running when none runs there. */
export async function stopTask(db: Db, caller: Caller, taskId: string): Promise<TimeEntry> {
  await taskInOrg(db, caller.orgId, taskId);
  return stopTimer(db, caller, { taskId });
}

export type ClockInKey = { name: string } | { externalId: string };

export interface ClockInResult {
  task: Task;
  created: boolean;
  entry: TimeEntry;
}

/**
 * Finds the task by name (case-insensitive; an open one first, then the oldest) or by
 * external id, creates it when missing, and starts the caller's timer on it. The lookup and
 * the creation hold a transaction-scoped advisory lock on the key, so clock-ins racing on the
 * same new name create one task. A task created from an external id is named after it.
 */
export async function clockIn(db: Db, caller: Caller, key: ClockInKey): Promise<ClockInResult> {
  return inTx(db, async (tx) => {
    let task: Task | undefined;
    if ("externalId" in key) {
      await lockKey(tx, caller.orgId, externalKey(key.externalId));
      [task] = await tx.select().from(tasks).where(and(eq(tasks.organizationId, caller.orgId), eq(tasks.externalId, key.externalId)));
    } else {
      await lockKey(tx, caller.orgId, `task-name:${key.name.toLowerCase()}`);
      [task] = await tx
        .select()
        .from(tasks)
        .where(and(eq(tasks.organizationId, caller.orgId), sql`lower(${tasks.name}) = lower(${key.name})`))
        .orderBy(desc(sql`${tasks.status} = 'open'`), asc(tasks.createdAt), asc(tasks.id))
        .limit(1);
    }
    const created = !task;
    task ??= await insertTask(tx, caller, "externalId" in key ? { name: key.externalId, externalId: key.externalId } : { name: key.name });
    const { entry } = await startTimer(tx, caller, { taskId: task.id, whenRunning: "switch" });
    return { task, created, entry };
  });
}
