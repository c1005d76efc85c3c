import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { and, eq } from "drizzle-orm";
import { projects, timeEntries, timesheets } from "@/db/schema";
import { setClock } from "@/base/clock";
import { projectResponse, taskResponse } from "@/lib/validation/tracking-responses";
import { messageResponse } from "@/lib/validation/account-responses";
import { testDbKind } from "../db";
import { call, db, makeOrg } from "../helpers";
import { R, conforms, createProject, createTask, createTrack } from "./fixtures";

const NOW = new Date("2026-03-06T12:00:00Z");
beforeEach(() => setClock(() => NOW));
afterEach(() => setClock(null));

const entriesOf = async (taskId: string) =>
  (await db()).select().from(timeEntries).where(eq(timeEntries.taskId, taskId)).orderBy(timeEntries.startedAt);

describe(`projects (${testDbKind()})`, () => {
  it("creates (201), reads, lists page by page in creation order and updates a project in the seed's shape", async () => {
    const org = await makeOrg();
    const token = org.member.token;
    const created = await call(R.projects.POST, "POST", "/v1/projects", {
      token,
      body: { name: "New e-commerce shop", description: "Few months with NestJS and Vue", externalId: "JIRA-102" },
    });
    conforms(projectResponse, created, 201);
    expect(created.body).toMatchObject({ userId: org.member.id, name: "New e-commerce shop", externalId: "JIRA-102" });
    const id = created.body.id as string;
    conforms(projectResponse, await call(R.project.GET, "GET", `/v1/projects/${id}`, { token: org.outsider.token, params: { projectId: id } }));

    // equal creation instants fall back to the id; a moving clock gives a readable order
    setClock(() => new Date(NOW.getTime() + 1000));
    await createProject(token, { name: "Second" });
    setClock(() => new Date(NOW.getTime() + 2000));
    await createProject(token, { name: "Third" });
    const page1 = await call(R.projects.GET, "GET", "/v1/projects", { token, query: { page: 1, limit: 2 } });
    conforms(z.array(projectResponse), page1);
    expect(page1.body.map((p: { name: string }) => p.name)).toEqual(["New e-commerce shop", "Second"]);
    const page2 = await call(R.projects.GET, "GET", "/v1/projects", { token, query: { page: 2, limit: 2 } });
    expect(page2.body.map((p: { name: string }) => p.name)).toEqual(["Third"]);
    await (await db())
      .insert(projects)
      .values(Array.from({ length: 98 }, (_, i) => ({ organizationId: org.id, userId: org.member.id, name: `Bulk ${i}` })));
    // over 200 is refused (issue 14); 200 brings all 101 with their total
    const tooMany = await call(R.projects.GET, "GET", "/v1/projects", { token, query: { limit: 1000 } });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.details.field).toBe("query.limit");
    const all = await call(R.projects.GET, "GET", "/v1/projects", { token, query: { limit: 200 } });
    expect(all.status).toBe(200);
    expect(all.body).toHaveLength(101);
    expect(all.headers.get("x-total-count")).toBe("101");
    expect(all.headers.get("link")).toBeNull();

    const updated = await call(R.project.PUT, "PUT", `/v1/projects/${id}`, {
      token,
      params: { projectId: id },
      body: { name: "New e-commerce system", description: "Few months with NestJS and Vue" },
    });
    conforms(projectResponse, updated);
    expect(updated.body).toMatchObject({ name: "New e-commerce system", externalId: "JIRA-102" });
  });

  it("keeps externalId unique per organisation (409 external_id_taken), not across organisations", async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    await createProject(a.member.token, { externalId: "JIRA-1" });
    const dup = await call(R.projects.POST, "POST", "/v1/projects", { token: a.admin.token, body: { name: "x", externalId: "JIRA-1" } });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe("external_id_taken");
    await createProject(b.member.token, { externalId: "JIRA-1" });
    const other = await createProject(a.member.token, { externalId: "JIRA-2" });
    const clash = await call(R.project.PUT, "PUT", "/v1/projects/x", { token: a.member.token, params: { projectId: other.id }, body: { externalId: "JIRA-1" } });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe("external_id_taken");
    // a task may carry the same external id as a project: they are separate namespaces
    await createTask(a.member.token, { externalId: "JIRA-1" });
  });

  it("lets the creator or an admin change a project; others 403; another organisation 404", async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    const p = await createProject(a.member.token);
    const put = (token: string) => call(R.project.PUT, "PUT", "/v1/projects/x", { token, params: { projectId: p.id }, body: { name: "Renamed" } });
    expect((await put(a.outsider.token)).status).toBe(403);
    expect((await put(a.manager.token)).status).toBe(403);
    expect((await put(a.admin.token)).status).toBe(200);
    expect((await put(a.member.token)).status).toBe(200);
    expect((await put(b.admin.token)).status).toBe(404);
    expect((await call(R.project.GET, "GET", "/v1/projects/x", { token: b.admin.token, params: { projectId: p.id } })).status).toBe(404);
    expect((await call(R.project.GET, "GET", "/v1/projects/x", { token: b.admin.token, params: { projectId: "nope" } })).status).toBe(400);
  });
});

describe(`tasks (${testDbKind()})`, () => {
  it("creates standalone and project tasks, lists them with filters, updates status", async () => {
    const org = await makeOrg();
    const token = org.member.token;
    const p = await createProject(token);
    const inProject = await call(R.projectTasks.POST, "POST", "/v1/projects/x/tasks", {
      token,
      params: { projectId: p.id },
      body: { name: "New website design", description: "Create a new homepage using React" },
    });
    conforms(taskResponse, inProject, 201);
    expect(inProject.body).toMatchObject({ userId: org.member.id, status: "open", projectId: p.id, externalId: null });
    setClock(() => new Date(NOW.getTime() + 1000));
    const standalone = await call(R.tasks.POST, "POST", "/v1/tasks", { token, body: { name: "Standalone", externalId: "GH-7" } });
    conforms(taskResponse, standalone, 201);
    expect(standalone.body.projectId).toBeNull();

    const list = await call(R.projectTasks.GET, "GET", "/v1/projects/x/tasks", { token, params: { projectId: p.id } });
    conforms(z.array(taskResponse), list);
    expect(list.body.map((t: { id: string }) => t.id)).toEqual([inProject.body.id]);
    const all = await call(R.tasks.GET, "GET", "/v1/tasks", { token });
    conforms(z.array(taskResponse), all);
    expect(all.body.map((t: { name: string }) => t.name)).toEqual(["New website design", "Standalone"]);

    const closed = await call(R.task.PUT, "PUT", "/v1/tasks/x", { token, params: { taskId: standalone.body.id }, body: { status: "closed" } });
    conforms(taskResponse, closed);
    expect(closed.body).toMatchObject({ status: "closed", name: "Standalone" });
    const open = await call(R.tasks.GET, "GET", "/v1/tasks", { token, query: { status: "open" } });
    expect(open.body.map((t: { name: string }) => t.name)).toEqual(["New website design"]);
    conforms(taskResponse, await call(R.task.GET, "GET", "/v1/tasks/x", { token: org.admin.token, params: { taskId: standalone.body.id } }));

    const dup = await call(R.tasks.POST, "POST", "/v1/tasks", { token: org.admin.token, body: { name: "Other", externalId: "GH-7" } });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe("external_id_taken");
  });

  it.each([
    ["POST /v1/projects", () => R.projects.POST, {}, {}, 422, "body.name"],
    ["POST /v1/projects", () => R.projects.POST, {}, { name: "   " }, 422, "body.name"],
    ["POST /v1/projects", () => R.projects.POST, {}, { name: "x", externalId: "" }, 422, "body.externalId"],
    ["PUT /v1/projects/{id}", () => R.project.PUT, { projectId: "P" }, {}, 422, "body"],
    ["POST /v1/tasks", () => R.tasks.POST, {}, { name: 7 }, 422, "body.name"],
    ["POST /v1/tasks", () => R.tasks.POST, {}, { name: "x", projectId: "not-a-uuid" }, 422, "body.projectId"],
    ["PUT /v1/tasks/{id}", () => R.task.PUT, { taskId: "T" }, { status: "done" }, 422, "body.status"],
    ["PUT move", () => R.move.PUT, { projectId: "P", taskId: "T" }, {}, 422, "body.projectId"],
  ] as const)("%s with a bad body answers %#", async (_label, handler, params, body, status, field) => {
    const org = await makeOrg();
    const p = await createProject(org.member.token);
    const t = await createTask(org.member.token, { projectId: p.id });
    const concrete = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v === "P" ? p.id : t.id]));
    const res = await call(handler(), "POST", "/v1/x", { token: org.member.token, params: concrete, body });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe("validation_failed");
    expect(res.body.message.startsWith(`${field}`)).toBe(true);
  });

  it.each([
    [{ status: "done" }, "query.status"],
    [{ projectId: "p-1" }, "query.projectId"],
    [{ page: 0 }, "query.page"],
  ])("GET /v1/tasks refuses query %j naming %s (422)", async (query, field) => {
    const org = await makeOrg();
    const res = await call(R.tasks.GET, "GET", "/v1/tasks", { token: org.member.token, query });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("validation_failed");
    expect(res.body.message.startsWith(`${field}:`), res.body.message).toBe(true);
  });

  it("refuses unknown or foreign projects and tasks with 404", async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    const pb = await createProject(b.member.token);
    const tb = await createTask(b.member.token, { projectId: pb.id });
    const pa = await createProject(a.member.token);
    const ta = await createTask(a.member.token, { projectId: pa.id });
    const token = a.admin.token;
    const cases = [
      await call(R.tasks.POST, "POST", "/v1/tasks", { token, body: { name: "x", projectId: pb.id } }),
      await call(R.projectTasks.POST, "POST", "/v1/projects/x/tasks", { token, params: { projectId: pb.id }, body: { name: "x" } }),
      await call(R.projectTasks.GET, "GET", "/v1/projects/x/tasks", { token, params: { projectId: pb.id } }),
      await call(R.tasks.GET, "GET", "/v1/tasks", { token, query: { projectId: pb.id } }),
      await call(R.task.GET, "GET", "/v1/tasks/x", { token, params: { taskId: tb.id } }),
      await call(R.task.PUT, "PUT", "/v1/tasks/x", { token, params: { taskId: tb.id }, body: { name: "x" } }),
      await call(R.move.PUT, "PUT", "/v1/x", { token, params: { projectId: pa.id, taskId: ta.id }, body: { projectId: pb.id } }),
      await call(R.move.PUT, "PUT", "/v1/x", { token, params: { projectId: pb.id, taskId: tb.id }, body: { projectId: pa.id } }),
      await call(R.assign.POST, "POST", "/v1/x", { token, params: { projectId: pa.id, taskId: tb.id } }),
      await call(R.unassign.POST, "POST", "/v1/x", { token, params: { projectId: pb.id, taskId: tb.id } }),
      await call(R.projectTask.DELETE, "DELETE", "/v1/x", { token, params: { projectId: pb.id, taskId: tb.id } }),
    ];
    expect(cases.map((r) => r.status)).toEqual(cases.map(() => 404));
  });

  it("lets only the creator or an admin change, move or delete a task", async () => {
    const org = await makeOrg();
    const p = await createProject(org.admin.token);
    const p2 = await createProject(org.admin.token, { name: "Other" });
    const t = await createTask(org.member.token, { projectId: p.id });
    for (const token of [org.outsider.token, org.manager.token]) {
      expect((await call(R.task.PUT, "PUT", "/v1/x", { token, params: { taskId: t.id }, body: { status: "closed" } })).status).toBe(403);
      expect((await call(R.move.PUT, "PUT", "/v1/x", { token, params: { projectId: p.id, taskId: t.id }, body: { projectId: p2.id } })).status).toBe(403);
      expect((await call(R.unassign.POST, "POST", "/v1/x", { token, params: { projectId: p.id, taskId: t.id } })).status).toBe(403);
      expect((await call(R.projectTask.DELETE, "DELETE", "/v1/x", { token, params: { projectId: p.id, taskId: t.id } })).status).toBe(403);
    }
    expect((await call(R.task.PUT, "PUT", "/v1/x", { token: org.admin.token, params: { taskId: t.id }, body: { name: "By admin" } })).status).toBe(200);
    expect((await call(R.task.PUT, "PUT", "/v1/x", { token: org.member.token, params: { taskId: t.id }, body: { name: "By creator" } })).status).toBe(200);
  });

  it("moves, unassigns and assigns a task; its entries follow, except those of a submitted week", async () => {
    const org = await makeOrg();
    const token = org.member.token;
    const a = await createProject(token, { name: "A" });
    const b = await createProject(token, { name: "B" });
    const t = await createTask(token, { projectId: a.id });
    const early = await createTrack(token, t.id, "2026-02-24T09:00:00Z", "2026-02-24T10:00:00Z"); // week of 2026-02-23
    const late = await createTrack(token, t.id, "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z"); // week of 2026-03-02
    const d = await db();
    const [e1] = await d.select().from(timeEntries).where(eq(timeEntries.id, early.id));
    await d.update(timesheets).set({ status: "APPROVED" }).where(eq(timesheets.id, e1!.timesheetId!));

    const moved = await call(R.move.PUT, "PUT", "/v1/x", { token, params: { projectId: a.id, taskId: t.id }, body: { projectId: b.id } });
    conforms(taskResponse, moved);
    expect(moved.body.projectId).toBe(b.id);
    let entries = await entriesOf(t.id);
    expect(entries.map((e) => [e.id, e.projectId])).toEqual([[early.id, a.id], [late.id, b.id]]);

    const unassigned = await call(R.unassign.POST, "POST", "/v1/x", { token, params: { projectId: b.id, taskId: t.id } });
    conforms(taskResponse, unassigned);
    expect(unassigned.body.projectId).toBeNull();
    entries = await entriesOf(t.id);
    expect(entries).toHaveLength(2); // unassigning keeps the tracks
    expect(entries[1]!.projectId).toBeNull();

    const assigned = await call(R.assign.POST, "POST", "/v1/x", { token, params: { projectId: a.id, taskId: t.id } });
    conforms(taskResponse, assigned);
    expect(assigned.body.projectId).toBe(a.id);
    expect((await entriesOf(t.id)).map((e) => e.projectId)).toEqual([a.id, a.id]);

    // assigning a task that belongs to another project is a move: 409
    const again = await call(R.assign.POST, "POST", "/v1/x", { token, params: { projectId: b.id, taskId: t.id } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("conflict");
    // unassigning from a project the task is not in: 404
    expect((await call(R.unassign.POST, "POST", "/v1/x", { token, params: { projectId: b.id, taskId: t.id } })).status).toBe(404);
  });

  it("deletes a task with its tracks and says how many; guards other people's time and locked weeks", async () => {
    const org = await makeOrg();
    const p = await createProject(org.member.token);
    const t = await createTask(org.member.token, { projectId: p.id });
    await createTrack(org.member.token, t.id, "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z");
    await createTrack(org.member.token, t.id, "2026-03-03T11:00:00Z", "2026-03-03T12:00:00Z");
    const theirs = await createTrack(org.outsider.token, t.id, "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z");
    const del = (token: string) => call(R.projectTask.DELETE, "DELETE", "/v1/x", { token, params: { projectId: p.id, taskId: t.id } });

    const byCreator = await del(org.member.token);
    expect(byCreator.status).toBe(403); // the outsider's time is on it

    const d = await db();
    const [own] = await d.select().from(timeEntries).where(and(eq(timeEntries.taskId, t.id), eq(timeEntries.userId, org.member.id))).limit(1);
    await d.update(timesheets).set({ status: "PENDING" }).where(eq(timesheets.id, own!.timesheetId!));
    const byAdmin = await del(org.admin.token);
    conforms(messageResponse, byAdmin);
    expect(byAdmin.body.message).toBe("Task deleted with 3 time tracks"); // an admin may remove others' locked time
    expect(await entriesOf(t.id)).toHaveLength(0);
    expect((await call(R.track.GET, "GET", "/v1/x", { token: org.outsider.token, params: { taskId: t.id, trackId: theirs.id } })).status).toBe(404);

    // the creator is refused while their own week is submitted
    const t2 = await createTask(org.member.token, { projectId: p.id });
    const lockedWeek = await createTrack(org.member.token, t2.id, "2026-02-25T09:00:00Z", "2026-02-25T10:00:00Z");
    const [e] = await d.select().from(timeEntries).where(eq(timeEntries.id, lockedWeek.id));
    await d.update(timesheets).set({ status: "APPROVED" }).where(eq(timesheets.id, e!.timesheetId!));
    const locked = await call(R.projectTask.DELETE, "DELETE", "/v1/x", { token: org.member.token, params: { projectId: p.id, taskId: t2.id } });
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe("timesheet_locked");
  });
});
