import { expect } from "vitest";
import type { ZodType } from "zod";
import * as projectsRoute from "@/app/v1/projects/route";
import * as projectRoute from "@/app/v1/projects/[projectId]/route";
import * as projectTasksRoute from "@/app/v1/projects/[projectId]/tasks/route";
import * as projectTaskRoute from "@/app/v1/projects/[projectId]/tasks/[taskId]/route";
import * as moveRoute from "@/app/v1/projects/[projectId]/tasks/[taskId]/move/route";
import * as assignRoute from "@/app/v1/projects/[projectId]/tasks/[taskId]/assign/route";
import * as unassignRoute from "@/app/v1/projects/[projectId]/tasks/[taskId]/unassign/route";
import * as tasksRoute from "@/app/v1/tasks/route";
import * as taskRoute from "@/app/v1/tasks/[taskId]/route";
import * as startRoute from "@/app/v1/tasks/[taskId]/start/route";
import * as stopRoute from "@/app/v1/tasks/[taskId]/stop/route";
import * as clockInNameRoute from "@/app/v1/tasks/clock-in/name/[name]/route";
import * as clockInExternalRoute from "@/app/v1/tasks/clock-in/external/[externalId]/route";
import * as tracksRoute from "@/app/v1/tasks/[taskId]/tracks/route";
import * as trackRoute from "@/app/v1/tasks/[taskId]/tracks/[trackId]/route";
import * as taskTracksReportRoute from "@/app/v1/reports/tasks/[taskId]/tracks/route";
import * as taskUsersReportRoute from "@/app/v1/reports/tasks/[taskId]/users/route";
import * as projectUsersReportRoute from "@/app/v1/reports/projects/[projectId]/users/route";
import * as projectTasksReportRoute from "@/app/v1/reports/projects/[projectId]/tasks/route";
import * as userReportRoute from "@/app/v1/reports/users/[userId]/route";
import { call, type CallResult } from "../helpers";

export const R = {
  projects: projectsRoute,
  project: projectRoute,
  projectTasks: projectTasksRoute,
  projectTask: projectTaskRoute,
  move: moveRoute,
  assign: assignRoute,
  unassign: unassignRoute,
  tasks: tasksRoute,
  task: taskRoute,
  start: startRoute,
  stop: stopRoute,
  clockInName: clockInNameRoute,
  clockInExternal: clockInExternalRoute,
  tracks: tracksRoute,
  track: trackRoute,
  taskTracksReport: taskTracksReportRoute,
  taskUsersReport: taskUsersReportRoute,
  projectUsersReport: projectUsersReportRoute,
  projectTasksReport: projectTasksReportRoute,
  userReport: userReportRoute,
};

/** The body has exactly the documented shape: parsing strips unknown keys, so equality means none. */
export function conforms(schema: ZodType, res: CallResult, status = 200) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const parsed = schema.safeParse(res.body);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  expect(parsed.data).toEqual(res.body);
}

export const ms = (iso: string) => new Date(iso).getTime();

export async function createProject(token: string, body: Record<string, unknown> = {}) {
  const res = await call(R.projects.POST, "POST", "/v1/projects", { token, body: { name: "Website", ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; userId: string; externalId: string | null };
}

export async function createTask(token: string, body: Record<string, unknown> = {}) {
  const res = await call(R.tasks.POST, "POST", "/v1/tasks", { token, body: { name: "Homepage", ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; userId: string; projectId: string | null; status: string };
}

export async function createTrack(token: string, taskId: string, start: string, end?: string) {
  const res = await call(R.tracks.POST, "POST", `/v1/tasks/${taskId}/tracks`, {
    token,
    params: { taskId },
    body: { start: ms(start), ...(end ? { end: ms(end) } : {}) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; amount: number; start: number; end: number | null };
}
