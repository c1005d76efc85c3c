import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { MAX_MS } from "@/lib/time/instants";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { projects, tasks, timeEntries, users, type Project, type Task, type User } from "@/db/schema";
import { now } from "@/base/clock";
import { notFound } from "@/lib/errors";
import { durationParts } from "@/lib/format";
import { assertMayReadReports, assertUserAccess, reportSubjectOrg, reportUserScope, type Caller } from "@/lib/auth/permissions";
import { MAX_USER_REPORT_MS } from "@/lib/validation/tracking";
import { toTimeTrack } from "@/lib/services/tracking/entry-views";
import { projectInOrg } from "@/lib/services/tracking/projects";
import { entryOverlaps, entrySecondsSql, sumEntrySeconds } from "@/lib/services/tracking/time-entries";

// The five /v1 reports. Durations are summed in SQL (GROUP BY, sumEntrySeconds); each entry
// counts whole seconds exactly as its track view does (floor per entry, a running one up to
// one shared `at`), so a total always equals the sum of the tracks or groups it lists.
//
// Who reads them (lib/auth/permissions): admins their organisation, managers the entries of
// their teams' members, the platform super user any organisation. The super user names
// another organisation's task, project or user simply by its id: report subjects are looked
// up across organisations for the super user only, and the report runs in the subject's one.

/** hours/minutes/seconds/timeFormatted and `total` in ms. */
function totals(seconds: number) {
  return { ...durationParts(seconds), total: seconds * 1000 };
}
const sumOf = (rows: Array<{ seconds: number }>) => rows.reduce((s, r) => s + r.seconds, 0);

/** A report's subject: in the caller's organisation, or (super user) in any, the caller's own first. */
async function subject<T>(db: Db, caller: Caller, table: PgTable, orgCol: PgColumn, idCol: PgColumn, id: string, what: string): Promise<T> {
  assertMayReadReports(caller);
  const org = reportSubjectOrg(caller);
  const [row] = await db
    .select()
    .from(table)
    .where(and(org ? eq(orgCol, org) : undefined, eq(idCol, id)))
    .orderBy(sql`${orgCol} = ${caller.orgId} desc`)
    .limit(1);
  if (!row) throw notFound(what);
  return row as T;
}

/** Restricts entries to the users a report may count (null: everyone). */
const scoped = (ids: string[] | null) => (ids ? inArray(timeEntries.userId, ids) : undefined);

export async function taskTracksReport(db: Db, caller: Caller, taskId: string) {
  const task = await subject<Task>(db, caller, tasks, tasks.organizationId, tasks.id, taskId, "Task");
  const scope = await reportUserScope(db, caller, task.organizationId);
  const at = now();
  // One statement: the listed tracks and their SQL total come from the same snapshot.
  const rows = await db
    .select({ entry: timeEntries, totalSeconds: sql<number>`coalesce(sum(${entrySecondsSql(at)}) over (), 0)::float8`.mapWith(Number) })
    .from(timeEntries)
    .where(and(eq(timeEntries.organizationId, task.organizationId), eq(timeEntries.taskId, taskId), scoped(scope)))
    .orderBy(asc(timeEntries.startedAt), asc(timeEntries.id));
  return {
    ...totals(rows[0]?.totalSeconds ?? 0),
    taskId: task.id,
    taskName: task.name,
    taskDescription: task.description,
    tracks: rows.map((r) => toTimeTrack(r.entry, at)),
  };
}

/** Time per user of the entries matching `where` (within the subject's organisation), by name. */
async function perUser(db: Db, orgId: string, where: SQL | undefined, at: Date) {
  return db
    .select({ userId: timeEntries.userId, firstName: users.firstName, lastName: users.lastName, seconds: sumEntrySeconds(at) })
    .from(timeEntries)
    .innerJoin(users, and(eq(users.organizationId, timeEntries.organizationId), eq(users.id, timeEntries.userId)))
    .where(and(eq(timeEntries.organizationId, orgId), where))
    .groupBy(timeEntries.userId, users.firstName, users.lastName)
    .orderBy(asc(users.lastName), asc(users.firstName), asc(timeEntries.userId));
}

const userRow = (r: Awaited<ReturnType<typeof perUser>>[number]) => ({
  ...totals(r.seconds),
  userId: r.userId,
  firstName: r.firstName,
  lastName: r.lastName,
});

export async function taskUsersReport(db: Db, caller: Caller, taskId: string) {
  const task = await subject<Task>(db, caller, tasks, tasks.organizationId, tasks.id, taskId, "Task");
  const scope = await reportUserScope(db, caller, task.organizationId);
  const at = now();
  const project = task.projectId ? await projectInOrg(db, task.organizationId, task.projectId) : null;
  const rows = await perUser(db, task.organizationId, and(eq(timeEntries.taskId, taskId), scoped(scope)), at);
  return {
    ...totals(sumOf(rows)),
    taskId: task.id,
    taskName: task.name,
    taskDescription: task.description,
    users: rows.map((r) => ({ ...userRow(r), projectId: task.projectId, projectName: project?.name ?? null })),
  };
}

function projectHead(p: Project) {
  return { projectId: p.id, projectName: p.name, projectDescription: p.description };
}

/** Time booked on the project: its entries' project, which follows a task's moves (except in locked weeks). */
export async function projectUsersReport(db: Db, caller: Caller, projectId: string) {
  const project = await subject<Project>(db, caller, projects, projects.organizationId, projects.id, projectId, "Project");
  const scope = await reportUserScope(db, caller, project.organizationId);
  const rows = await perUser(db, project.organizationId, and(eq(timeEntries.projectId, projectId), scoped(scope)), now());
  return { ...totals(sumOf(rows)), ...projectHead(project), users: rows.map(userRow) };
}

/** Per task of the project; entries booked on the project without a task form a row with taskId null. */
export async function projectTasksReport(db: Db, caller: Caller, projectId: string) {
  const project = await subject<Project>(db, caller, projects, projects.organizationId, projects.id, projectId, "Project");
  const scope = await reportUserScope(db, caller, project.organizationId);
  const at = now();
  const rows = await db
    .select({ taskId: timeEntries.taskId, taskName: tasks.name, taskDescription: tasks.description, seconds: sumEntrySeconds(at) })
    .from(timeEntries)
    .leftJoin(tasks, and(eq(tasks.organizationId, timeEntries.organizationId), eq(tasks.id, timeEntries.taskId)))
    .where(and(eq(timeEntries.organizationId, project.organizationId), eq(timeEntries.projectId, projectId), scoped(scope)))
    .groupBy(timeEntries.taskId, tasks.name, tasks.description)
    .orderBy(sql`${tasks.name} asc nulls last`, asc(timeEntries.taskId));
  return {
    ...totals(sumOf(rows)),
    ...projectHead(project),
    tasks: rows.map((r) => ({ ...totals(r.seconds), taskId: r.taskId, taskName: r.taskName, taskDescription: r.taskDescription })),
  };
}

export interface UserReportRange {
  startDate?: number;
  endDate?: number;
}

/**
 * The inclusive range in Unix ms: endDate defaults to startDate + 7 days − 1 ms (at most the end
 * of the accepted range, lib/time/instants.ts), or now; startDate to endDate − 7 days + 1 ms.
 */
function reportRange(q: UserReportRange, at: Date): { startDate: number; endDate: number } {
  const endDate = q.endDate ?? (q.startDate !== undefined ? Math.min(q.startDate + MAX_USER_REPORT_MS - 1, MAX_MS) : at.getTime());
  const startDate = q.startDate ?? Math.max(0, endDate - MAX_USER_REPORT_MS + 1);
  return { startDate, endDate };
}

/** Per project of the user's time in the range; entries are clipped to the range, time without a project is a row with projectId null. */
export async function userReport(db: Db, caller: Caller, userId: string, q: UserReportRange) {
  const user = await subject<User>(db, caller, users, users.organizationId, users.id, userId, "User");
  const scope = await reportUserScope(db, caller, user.organizationId);
  if (scope) await assertUserAccess(db, caller, user.id, "read");
  const at = now();
  const { startDate, endDate } = reportRange(q, at);
  const from = new Date(startDate);
  const to = new Date(endDate + 1);
  const rows = await db
    .select({ projectId: timeEntries.projectId, projectName: projects.name, seconds: sumEntrySeconds(at, from, to) })
    .from(timeEntries)
    .leftJoin(projects, and(eq(projects.organizationId, timeEntries.organizationId), eq(projects.id, timeEntries.projectId)))
    .where(
      and(
        eq(timeEntries.organizationId, user.organizationId),
        eq(timeEntries.userId, user.id),
        entryOverlaps(from, to, at),
      ),
    )
    .groupBy(timeEntries.projectId, projects.name)
    .orderBy(sql`${projects.name} asc nulls last`, asc(timeEntries.projectId));
  return {
    ...totals(sumOf(rows)),
    userId: user.id,
    userName: `${user.firstName} ${user.lastName}`.trim(),
    startDate,
    endDate,
    projects: rows.map((r) => ({ ...totals(r.seconds), projectId: r.projectId, projectName: r.projectName })),
  };
}
