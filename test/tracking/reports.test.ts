import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { setClock } from "@/base/clock";
import { authenticateAccessToken } from "@/lib/services/accounts";
import { createEntry } from "@/lib/services/tracking";
import * as S from "@/lib/validation/tracking-responses";
import { testDbKind } from "../db";
import { call, db, makeOrg, type TestOrg } from "../helpers";
import { R, conforms, createProject, createTask, createTrack, ms } from "./fixtures";

const NOW = new Date("2026-03-06T12:00:00Z");
beforeEach(() => setClock(() => NOW));
afterEach(() => setClock(null));

const sum = (list: Array<{ total?: number; amount?: number }>) => list.reduce((s, x) => s + (x.total ?? x.amount ?? 0), 0);

/**
 * Project P with tasks T1, T2 and time of the member (managed by the manager), the manager,
 * and the outsider (in no team), one of them running; plus project time without a task.
 */
async function scenario() {
  const org = await makeOrg();
  const p = await createProject(org.admin.token, { name: "Website" });
  const t1 = await createTask(org.admin.token, { name: "Design", projectId: p.id });
  const t2 = await createTask(org.admin.token, { name: "Build", projectId: p.id });
  await createTrack(org.member.token, t1.id, "2026-03-02T09:00:00Z", "2026-03-02T10:35:05Z"); // 1h 35m 5s
  await createTrack(org.member.token, t2.id, "2026-03-03T09:00:00Z", "2026-03-03T09:30:00Z"); // 30m
  await createTrack(org.manager.token, t1.id, "2026-03-04T09:00:00Z", "2026-03-04T09:10:00Z"); // 10m
  await createTrack(org.outsider.token, t1.id, "2026-03-04T09:00:00Z", "2026-03-04T11:00:00Z"); // 2h
  await createTrack(org.outsider.token, t2.id, "2026-03-06T11:30:00.500Z"); // running: stored from 11:30:00 (whole seconds), 30m at NOW
  const member = (await authenticateAccessToken(await db(), org.member.token))!;
  await createEntry(await db(), member, { startedAt: new Date("2026-03-05T09:00:00Z"), stoppedAt: new Date("2026-03-05T09:20:00Z"), projectId: p.id }); // 20m, no task
  return { org, p, t1, t2 };
}

const get = (handler: typeof R.userReport.GET, token: string, params: Record<string, string>, query?: Record<string, number>) =>
  call(handler, "GET", "/v1/reports/x", { token, params, query });

describe(`reports (${testDbKind()})`, () => {
  it("task report with tracks: total is the sum of the listed tracks, a running one up to now", async () => {
    const { org, t1, t2 } = await scenario();
    const res = await get(R.taskTracksReport.GET, org.admin.token, { taskId: t1.id });
    conforms(S.taskTracksReport, res);
    expect(res.body).toMatchObject({ taskId: t1.id, taskName: "Design", total: (5705 + 600 + 7200) * 1000, timeFormatted: "3h 45m 5s" });
    expect(res.body.tracks).toHaveLength(3);
    expect(sum(res.body.tracks)).toBe(res.body.total);

    const running = await get(R.taskTracksReport.GET, org.admin.token, { taskId: t2.id });
    expect(running.body.tracks.map((t: { amount: number }) => t.amount)).toEqual([1800000, 1800000]);
    expect(running.body.total).toBe(3600000);
    expect(running.body.timeFormatted).toBe("1h 0m 0s");
  });

  it("task report per user and project reports per user and per task sum exactly", async () => {
    const { org, p, t1 } = await scenario();
    const byUser = await get(R.taskUsersReport.GET, org.admin.token, { taskId: t1.id });
    conforms(S.taskUsersReport, byUser);
    expect(byUser.body.users).toHaveLength(3);
    expect(sum(byUser.body.users)).toBe(byUser.body.total);
    expect(byUser.body.total).toBe((5705 + 600 + 7200) * 1000);
    expect(byUser.body.users.find((u: { userId: string }) => u.userId === org.member.id)).toMatchObject({
      total: 5705000, timeFormatted: "1h 35m 5s", projectId: p.id, projectName: "Website", firstName: "Test",
    });

    const projectUsers = await get(R.projectUsersReport.GET, org.admin.token, { projectId: p.id });
    conforms(S.projectUsersReport, projectUsers);
    expect(projectUsers.body).toMatchObject({ projectId: p.id, projectName: "Website" });
    const expected = (5705 + 1800 + 1200 + 600 + 7200 + 1800) * 1000;
    expect(projectUsers.body.total).toBe(expected);
    expect(sum(projectUsers.body.users)).toBe(expected);
    expect(projectUsers.body.users.find((u: { userId: string }) => u.userId === org.member.id).total).toBe((5705 + 1800 + 1200) * 1000);

    const projectTasks = await get(R.projectTasksReport.GET, org.admin.token, { projectId: p.id });
    conforms(S.projectTasksReport, projectTasks);
    expect(projectTasks.body.total).toBe(expected);
    expect(sum(projectTasks.body.tasks)).toBe(expected);
    expect(projectTasks.body.tasks.map((t: { taskName: string | null; total: number }) => [t.taskName, t.total])).toEqual([
      ["Build", (1800 + 1800) * 1000],
      ["Design", (5705 + 600 + 7200) * 1000],
      [null, 1200000], // project time without a task
    ]);
  });

  it("user report: per project, clipped to an inclusive range of at most 7 days", async () => {
    const { org, p } = await scenario();
    const standalone = await createTask(org.member.token, { name: "Standalone" });
    await createTrack(org.member.token, standalone.id, "2026-03-05T23:00:00Z", "2026-03-06T01:00:00Z");
    const res = await get(R.userReport.GET, org.admin.token, { userId: org.member.id }, { startDate: ms("2026-03-02T09:30:00Z"), endDate: ms("2026-03-05T23:59:59.999Z") });
    conforms(S.userReport, res);
    expect(res.body).toMatchObject({ userId: org.member.id, startDate: ms("2026-03-02T09:30:00Z"), endDate: ms("2026-03-05T23:59:59.999Z") });
    expect(res.body.projects).toEqual([
      expect.objectContaining({ projectId: p.id, projectName: "Website", total: (3905 + 1800 + 1200) * 1000 }), // 09:30-10:35:05 of the first
      expect.objectContaining({ projectId: null, projectName: null, total: 3600000, timeFormatted: "1h 0m 0s" }), // until midnight
    ]);
    expect(sum(res.body.projects)).toBe(res.body.total);

    const defaults = await get(R.userReport.GET, org.admin.token, { userId: org.member.id });
    expect(defaults.body).toMatchObject({ endDate: NOW.getTime(), startDate: NOW.getTime() - 7 * 86400000 + 1 });
    expect(defaults.body.total).toBe((5705 + 1800 + 1200 + 7200) * 1000);
  });

  it.each([
    [{ startDate: ms("2026-03-01T00:00:00Z"), endDate: ms("2026-03-08T00:00:00Z") }, "query.endDate: the range must not exceed 7 days"],
    [{ startDate: ms("2026-03-05T00:00:00Z"), endDate: ms("2026-03-04T00:00:00Z") }, "query.startDate: must not be after endDate"],
    [{ startDate: -5 }, "query.startDate:"],
  ])("user report refuses a bad range %# with 422", async (query, message) => {
    const org = await makeOrg();
    const res = await get(R.userReport.GET, org.admin.token, { userId: org.member.id }, query);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("validation_failed");
    expect(res.body.message).toContain(message);
  });

  it("accepts exactly 7 days", async () => {
    const org = await makeOrg();
    const res = await get(R.userReport.GET, org.admin.token, { userId: org.member.id }, { startDate: 1714521600000, endDate: 1714521600000 + 7 * 86400000 - 1 });
    conforms(S.userReport, res);
    expect(res.body.total).toBe(0);
  });

  it("managers see only their teams' members; members get 403; other organisations 404; the super user reads any", async () => {
    const { org, p, t1 } = await scenario();
    const other: TestOrg = await makeOrg();

    const managerTask = await get(R.taskTracksReport.GET, org.manager.token, { taskId: t1.id });
    expect(managerTask.status).toBe(200);
    expect(new Set(managerTask.body.tracks.map((t: { userId: string }) => t.userId))).toEqual(new Set([org.member.id, org.manager.id]));
    expect(managerTask.body.total).toBe((5705 + 600) * 1000);
    const managerProject = await get(R.projectUsersReport.GET, org.manager.token, { projectId: p.id });
    expect(managerProject.body.users.map((u: { userId: string }) => u.userId).sort()).toEqual([org.member.id, org.manager.id].sort());
    expect((await get(R.userReport.GET, org.manager.token, { userId: org.member.id })).status).toBe(200);
    expect((await get(R.userReport.GET, org.manager.token, { userId: org.outsider.id })).status).toBe(403);

    const all = [
      (token: string) => get(R.taskTracksReport.GET, token, { taskId: t1.id }),
      (token: string) => get(R.taskUsersReport.GET, token, { taskId: t1.id }),
      (token: string) => get(R.projectUsersReport.GET, token, { projectId: p.id }),
      (token: string) => get(R.projectTasksReport.GET, token, { projectId: p.id }),
      (token: string) => get(R.userReport.GET, token, { userId: org.member.id }),
    ];
    for (const report of all) {
      expect((await report(org.member.token)).status).toBe(403);
      expect((await report(org.outsider.token)).status).toBe(403);
      expect((await report(other.admin.token)).status).toBe(404);
      expect((await report(org.admin.token)).status).toBe(200);
    }

    // the platform super user, an ordinary member of another organisation, reads this one's reports by id
    await (await db()).update(users).set({ isSuperUser: true }).where(eq(users.id, other.member.id));
    for (const report of all) expect((await report(other.member.token)).status).toBe(200);
    const su = await get(R.projectTasksReport.GET, other.member.token, { projectId: p.id });
    const admin = await get(R.projectTasksReport.GET, org.admin.token, { projectId: p.id });
    expect(su.body).toEqual(admin.body);
  });
});
