import { afterEach } from "vitest";
import { eq } from "drizzle-orm";
import { organizations, projects, tasks } from "@/db/schema";
import { setClock } from "@/base/clock";
import * as sheets from "@/app/api/timesheet/route";
import * as submit from "@/app/api/timesheet/submit/route";
import * as approve from "@/app/api/timesheet/approve/route";
import * as deny from "@/app/api/timesheet/deny/route";
import * as review from "@/app/api/timesheet/review/route";
import * as reopen from "@/app/api/timesheet/reopen/route";
import * as logs from "@/app/api/timesheet/time-log/route";
import * as logById from "@/app/api/timesheet/time-log/[id]/route";
import * as chart from "@/app/api/timesheet/time-log/report/daily-chart/route";
import * as timerStart from "@/app/api/timesheet/timer/start/route";
import * as timerStop from "@/app/api/timesheet/timer/stop/route";
import * as timerToggle from "@/app/api/timesheet/timer/toggle/route";
import * as timerStatus from "@/app/api/timesheet/timer/status/route";
import * as activity from "@/app/api/timesheet/activity/route";
import * as activityBulk from "@/app/api/timesheet/activity/bulk/route";
import * as slot from "@/app/api/timesheet/time-slot/route";
import * as counts from "@/app/api/timesheet/statistics/counts/route";
import { call, db, type CallOptions } from "../helpers";

// The /api/timesheet routes, called the way Next.js calls them.
export const api = {
  listSheets: (token: string, query?: CallOptions["query"]) => call(sheets.GET, "GET", "/api/timesheet", { token, query }),
  submit: (token: string, ids: string[], extra: object = {}) => call(submit.PUT, "PUT", "/api/timesheet/submit", { token, body: { ids, status: "PENDING", ...extra } }),
  approve: (token: string, ids: string[]) => call(approve.PUT, "PUT", "/api/timesheet/approve", { token, body: { ids } }),
  deny: (token: string, ids: string[], reason?: string) => call(deny.PUT, "PUT", "/api/timesheet/deny", { token, body: { ids, reason } }),
  review: (token: string, ids: string[]) => call(review.PUT, "PUT", "/api/timesheet/review", { token, body: { ids } }),
  reopen: (token: string, ids: string[], reason?: string) => call(reopen.PUT, "PUT", "/api/timesheet/reopen", { token, body: { ids, reason } }),
  listLogs: (token: string, query?: CallOptions["query"]) => call(logs.GET, "GET", "/api/timesheet/time-log", { token, query }),
  createLog: (token: string, body: object) => call(logs.POST, "POST", "/api/timesheet/time-log", { token, body }),
  getLog: (token: string, id: string) => call(logById.GET, "GET", `/api/timesheet/time-log/${id}`, { token, params: { id } }),
  updateLog: (token: string, id: string, body: object) => call(logById.PUT, "PUT", `/api/timesheet/time-log/${id}`, { token, params: { id }, body }),
  deleteLog: (token: string, id: string) => call(logById.DELETE, "DELETE", `/api/timesheet/time-log/${id}`, { token, params: { id } }),
  chart: (token: string, query?: CallOptions["query"]) => call(chart.GET, "GET", "/api/timesheet/time-log/report/daily-chart", { token, query }),
  start: (token: string, body?: object) => call(timerStart.POST, "POST", "/api/timesheet/timer/start", { token, body }),
  stop: (token: string, body?: object) => call(timerStop.POST, "POST", "/api/timesheet/timer/stop", { token, body }),
  toggle: (token: string, body?: object) => call(timerToggle.POST, "POST", "/api/timesheet/timer/toggle", { token, body }),
  status: (token: string, query?: CallOptions["query"]) => call(timerStatus.GET, "GET", "/api/timesheet/timer/status", { token, query }),
  activities: (token: string, query?: CallOptions["query"]) => call(activity.GET, "GET", "/api/timesheet/activity", { token, query }),
  bulk: (token: string, body: object, headers?: Record<string, string>) =>
    call(activityBulk.POST, "POST", "/api/timesheet/activity/bulk", { token, body, headers }),
  slots: (token: string, query?: CallOptions["query"]) => call(slot.GET, "GET", "/api/timesheet/time-slot", { token, query }),
  postSlot: (token: string, body: object) => call(slot.POST, "POST", "/api/timesheet/time-slot", { token, body }),
  counts: (token: string, query?: CallOptions["query"]) => call(counts.GET, "GET", "/api/timesheet/statistics/counts", { token, query }),
};

/** Creates a log through the API and returns its body; fails the test on anything but 201. */
export async function logTime(token: string, startedAt: string, stoppedAt: string, extra: object = {}) {
  const res = await api.createLog(token, { startedAt, stoppedAt, ...extra });
  if (res.status !== 201) throw new Error(`creating a log answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export function fixClock(iso: string): void {
  setClock(() => new Date(iso));
}

export function resetClockAfterEach(): void {
  afterEach(() => setClock(null));
}

export async function addProject(orgId: string, userId: string, name: string) {
  const [p] = await (await db()).insert(projects).values({ organizationId: orgId, userId, name }).returning();
  return p!;
}

export async function addTask(orgId: string, userId: string, projectId: string, name: string) {
  const [t] = await (await db()).insert(tasks).values({ organizationId: orgId, userId, projectId, name }).returning();
  return t!;
}

export async function setOverlapPolicy(orgId: string, policy: "reject" | "trim") {
  await (await db()).update(organizations).set({ overlapPolicy: policy }).where(eq(organizations.id, orgId));
}
