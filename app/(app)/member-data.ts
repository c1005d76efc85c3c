import type { Db } from "@/db/client";
import type { Caller } from "@/lib/auth/permissions";
import { now } from "@/base/clock";
import { listProjects, projectView, listTasks, taskView, listTimeLogs, timerStatus } from "@/lib/services/tracking";
import { listSheets } from "@/lib/services/timesheets";
import { sheetListQuery, timeLogListQuery } from "@/lib/validation/timesheet";
import type { ProjectView as Project, TaskView as Task } from "@/lib/validation/tracking-responses";
import type { SheetView as Sheet, TimeLogView as TimeLog } from "@/lib/validation/timesheet-responses";
import type { TimerStatus } from "@/components/timer/timer-state";

// Server components of the employee pages read their first data through the same services
// (and the same query validation) as the route handlers the client then polls, so the
// first paint already shows the truth and TanStack Query takes over from there.

const PAGE = 100;
const MAX_PAGES = 20;

async function pages<T>(fetch: (page: number) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const batch = await fetch(page);
    out.push(...batch);
    if (batch.length < PAGE) break;
  }
  return out;
}

export async function loadProjectsAndTasks(db: Db, caller: Caller): Promise<{ projects: Project[]; tasks: Task[] }> {
  const [projects, tasks] = await Promise.all([
    pages((page) => listProjects(db, caller, { limit: PAGE, offset: (page - 1) * PAGE }).then((r) => r.items.map(projectView))),
    pages((page) => listTasks(db, caller, {}, { limit: PAGE, offset: (page - 1) * PAGE }).then((r) => r.items.map(taskView))),
  ]);
  return { projects, tasks };
}

/** The caller's own logs meeting the local days startDate..endDate. */
export async function loadOwnLogs(db: Db, caller: Caller, startDate: string, endDate: string): Promise<TimeLog[]> {
  return pages(async (page) => {
    const q = timeLogListQuery.parse({ startDate, endDate, employeeId: caller.userId, timeZone: caller.timeZone, page, limit: PAGE });
    return (await listTimeLogs(db, caller, q)).items;
  });
}

export async function loadOwnSheet(db: Db, caller: Caller, weekStart: string): Promise<Sheet | null> {
  const q = sheetListQuery.parse({ startDate: weekStart, endDate: weekStart, employeeId: caller.userId, timeZone: caller.timeZone });
  const { items } = await listSheets(db, caller, q);
  return items.find((s) => s.weekStart === weekStart && s.employeeId === caller.userId) ?? null;
}

export async function loadTimerStatus(db: Db, caller: Caller): Promise<TimerStatus> {
  const status = await timerStatus(db, caller, {});
  return { running: status.log, receivedAt: now().getTime() };
}
