import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { organizations, projects, tasks, teams, users } from "@/db/schema";
import { seedDemo, DEMO_PASSWORD } from "@/scripts/seed";
import { setClock } from "@/base/clock";
import { routeTable } from "@/app/routes.generated";
import { GET as openapiRoute } from "@/app/api/openapi.json/route";
import { buildOpenApi, handlerOf, METHODS, type RouteEntry } from "@/lib/openapi/build";
import { createSession } from "@/lib/services/accounts";
import { recordAttempt, UPLOAD_LIMIT } from "@/lib/services/platform";
import { testDbKind } from "../db";
import { addUser, call, db, type CallOptions, type CallResult, type TestUser } from "../helpers";
import { patternImage, form } from "../screenshots/helpers";
import { tokenOf } from "../accounts/helpers";

// Every documented operation, called through its real handler on the seeded demo organisation,
// and every real answer checked against the served document: the status must be documented and
// the body valid against that status's schema.

type Op = `${(typeof METHODS)[number]} ${string}`;
interface Request extends CallOptions {
  /** The status this call is built to produce; default: the documented success status. */
  status?: number;
}

interface Ctx {
  orgId: string;
  admin: TestUser;
  manager: TestUser;
  member: TestUser;
  teamId: string;
  projectId: string;
  otherProjectId: string;
  taskId: string;
}

let ctx: Ctx;
let doc: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: object };

const routes = routeTable as unknown as readonly RouteEntry[];
const documented: Op[] = Object.entries(buildOpenApi(routes).paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}` as Op));

function fill(pattern: string, params: CallOptions["params"] = {}): string {
  return pattern.replace(/\{([^}]+)\}/g, (_, k: string) => encodeURIComponent(String(params[k] ?? k)));
}

/** Calls another operation through the route table (to set up what a call needs). */
async function invoke(op: Op, opts: CallOptions = {}): Promise<CallResult> {
  const [method, pattern] = op.split(" ") as [string, string];
  const r = routes.find((x) => x.pattern === pattern)!;
  return call(handlerOf(r.module, method)!, method, fill(pattern, opts.params), opts);
}

async function ok(op: Op, opts: CallOptions = {}): Promise<any> {
  const res = await invoke(op, opts);
  if (res.status >= 300) throw new Error(`${op} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

const ago = (minutes: number) => new Date(Math.floor(Date.now() / 1000) * 1000 - minutes * 60_000);
const iso = (minutes: number) => ago(minutes).toISOString();
const wall = (d: Date) => d.toISOString().slice(0, 10);
/** Starts a timer 5 s ago: a timer stopped within the second it started is discarded (instants are whole seconds). */
async function startedSecondsAgo<T>(start: () => Promise<T>): Promise<T> {
  setClock(() => new Date(Date.now() - 5000));
  try {
    return await start();
  } finally {
    setClock(null);
  }
}

/** A fresh member of the demo organisation in the manager's team (no rows, so no overlaps). */
async function freshMember(): Promise<TestUser> {
  const u = await addUser(ctx.orgId);
  await ok("PUT /v1/teams/{teamId}/members/{userId}", { token: ctx.admin.token, params: { teamId: ctx.teamId, userId: u.id }, body: {} });
  return u;
}

async function pendingSheet(): Promise<{ member: TestUser; sheetId: string }> {
  const member = await freshMember();
  const log = await ok("POST /api/timesheet/time-log", { token: member.token, body: { startedAt: iso(600), stoppedAt: iso(560) } });
  await ok("PUT /api/timesheet/submit", { token: member.token, body: { ids: [log.timesheetId] } });
  return { member, sheetId: log.timesheetId };
}

async function newTask(projectId?: string): Promise<string> {
  const t = await ok("POST /v1/tasks", { token: ctx.admin.token, body: { name: `T ${randomUUID().slice(0, 6)}`, ...(projectId ? { projectId } : {}) } });
  return t.id;
}

async function newTrack(member: TestUser, taskId: string): Promise<string> {
  const t = await ok("POST /v1/tasks/{taskId}/tracks", { token: member.token, params: { taskId }, body: { start: ago(300).getTime(), end: ago(240).getTime() } });
  return t.id;
}

const dashboardRange = () => ({ startDate: `${wall(ago(60 * 24 * 6))} 00:00:00`, endDate: `${wall(ago(0))} 23:59:59`, timeZone: "Europe/Berlin", teamId: [ctx.teamId] });

const requests: Partial<Record<Op, () => Promise<Request>>> = {
  "GET /api/health": async () => ({}),
  "GET /api/health/live": async () => ({}),
  "GET /api/openapi.json": async () => ({}),

  // /api/timesheet
  "GET /api/timesheet": async () => ({ token: ctx.member.token }),
  "GET /api/timesheet/activity": async () => ({ token: ctx.member.token }),
  "POST /api/timesheet/activity/bulk": async () => ({
    token: (await freshMember()).token,
    body: { activities: [{ clientId: "c1", type: "URL", url: "https://example.com/a", startedAt: iso(30), duration: 60 }] },
  }),
  "PUT /api/timesheet/submit": async () => {
    const member = await freshMember();
    const log = await ok("POST /api/timesheet/time-log", { token: member.token, body: { startedAt: iso(600), stoppedAt: iso(560) } });
    return { token: member.token, body: { ids: [log.timesheetId] } };
  },
  "PUT /api/timesheet/review": async () => ({ token: ctx.manager.token, body: { ids: [(await pendingSheet()).sheetId] } }),
  "PUT /api/timesheet/approve": async () => ({ token: ctx.manager.token, body: { ids: [(await pendingSheet()).sheetId] } }),
  "PUT /api/timesheet/deny": async () => ({ token: ctx.manager.token, body: { ids: [(await pendingSheet()).sheetId], reason: "split it" } }),
  "PUT /api/timesheet/reopen": async () => {
    const { sheetId } = await pendingSheet();
    await ok("PUT /api/timesheet/approve", { token: ctx.manager.token, body: { ids: [sheetId] } });
    return { token: ctx.admin.token, body: { ids: [sheetId], reason: "correction" } };
  },
  "GET /api/timesheet/screenshot": async () => ({ token: ctx.member.token, query: { startDate: iso(60 * 24), endDate: iso(0) } }),
  "POST /api/timesheet/screenshot": async () => ({ token: ctx.member.token, rawBody: form({ file: await patternImage(), recordedAt: iso(Math.floor(Math.random() * 1000) + 1) }) }),
  "DELETE /api/timesheet/screenshot/{id}": async () => ({ token: ctx.member.token, params: { id: await screenshotId() } }),
  "GET /api/timesheet/screenshot/{id}/file": async () => ({ token: ctx.member.token, params: { id: await screenshotId() } }),
  "GET /api/timesheet/screenshot/{id}/thumb": async () => ({ token: ctx.member.token, params: { id: await screenshotId() } }),
  "GET /api/timesheet/statistics/counts": async () => ({ token: ctx.member.token }),
  "GET /api/timesheet/time-log": async () => ({ token: ctx.member.token }),
  "POST /api/timesheet/time-log": async () => ({ token: (await freshMember()).token, body: { startedAt: iso(120), stoppedAt: iso(60), projectId: ctx.projectId } }),
  "GET /api/timesheet/time-log/{id}": async () => {
    const m = await freshMember();
    return { token: m.token, params: { id: (await ok("POST /api/timesheet/time-log", { token: m.token, body: { startedAt: iso(120), stoppedAt: iso(60) } })).id } };
  },
  "PUT /api/timesheet/time-log/{id}": async () => {
    const m = await freshMember();
    const log = await ok("POST /api/timesheet/time-log", { token: m.token, body: { startedAt: iso(120), stoppedAt: iso(60) } });
    return { token: m.token, params: { id: log.id }, body: { description: "changed" } };
  },
  "DELETE /api/timesheet/time-log/{id}": async () => {
    const m = await freshMember();
    return { token: m.token, params: { id: (await ok("POST /api/timesheet/time-log", { token: m.token, body: { startedAt: iso(120), stoppedAt: iso(60) } })).id } };
  },
  "GET /api/timesheet/time-log/report/daily-chart": async () => ({ token: ctx.manager.token, query: { groupBy: "project" } }),
  "GET /api/timesheet/time-log/report": async () => ({ token: ctx.manager.token, query: { groupBy: "project" } }),
  "GET /api/timesheet/time-slot": async () => ({ token: ctx.member.token }),
  "POST /api/timesheet/time-slot": async () => ({ token: (await freshMember()).token, body: { startedAt: new Date(Math.floor(ago(60).getTime() / 600_000) * 600_000).toISOString(), keyboard: 1, mouse: 2, overall: 3 } }),
  "POST /api/timesheet/timer/start": async () => ({ token: (await freshMember()).token, body: { projectId: ctx.projectId } }),
  "GET /api/timesheet/timer/status": async () => ({ token: ctx.member.token }),
  "POST /api/timesheet/timer/stop": async () => {
    const m = await freshMember();
    await startedSecondsAgo(() => ok("POST /api/timesheet/timer/start", { token: m.token, body: {} }));
    return { token: m.token, body: {} };
  },
  "POST /api/timesheet/timer/toggle": async () => ({ token: (await freshMember()).token, body: {} }),

  // /v1 accounts
  "GET /v1/api-keys": async () => ({ token: ctx.admin.token }),
  "POST /v1/api-keys": async () => ({ token: ctx.member.token, body: { name: "contract" } }),
  "GET /v1/api-keys/{apiKeyId}": async () => ({ token: ctx.member.token, params: { apiKeyId: (await apiKey()).info.id } }),
  "DELETE /v1/api-keys/{apiKeyId}": async () => ({ token: ctx.member.token, params: { apiKeyId: (await apiKey()).info.id } }),
  "POST /v1/api-keys/{apiKeyId}/rotate": async () => ({ token: ctx.member.token, params: { apiKeyId: (await apiKey()).info.id } }),
  "POST /v1/auth/api-key/login": async () => ({ body: { apiKey: (await apiKey()).apiKey } }),
  "POST /v1/auth/api-key/refresh": async () => {
    const tokens = await ok("POST /v1/auth/api-key/login", { body: { apiKey: (await apiKey()).apiKey } });
    return { body: { refreshToken: tokens.refreshToken } };
  },
  "POST /v1/auth/invitations/{invId}/signup": async () => {
    const email = `inv-${randomUUID().slice(0, 8)}@example.test`;
    const inv = await ok("POST /v1/invitations", { token: ctx.admin.token, body: { email } });
    return {
      params: { invId: inv.invitation.id },
      body: { token: tokenOf(inv.invitation.link), email, password: "correct-Horse-7-battery", firstName: "In", lastName: "Vited", role: "member" },
    };
  },
  "POST /v1/auth/login": async () => ({ body: { email: "lena.fischer@timebase.demo", password: DEMO_PASSWORD } }),
  "POST /v1/auth/logout": async () => ({ token: (await login()).accessToken }),
  "POST /v1/auth/refresh": async () => ({ body: { refreshToken: (await login()).refreshToken } }),
  "GET /v1/auth/sessions": async () => ({ token: ctx.admin.token }),
  "DELETE /v1/auth/sessions/{sessionId}": async () => {
    const m = await freshMember();
    const sessions: Array<{ id: string; userId: string }> = await ok("GET /v1/auth/sessions", { token: ctx.admin.token });
    return { token: ctx.admin.token, params: { sessionId: sessions.find((s) => s.userId === m.id)!.id } };
  },
  "POST /v1/auth/set-password": async () => {
    const u = await ok("POST /v1/users", { token: ctx.admin.token, body: { email: `new-${randomUUID().slice(0, 8)}@example.test`, role: "member" } });
    return { body: { token: tokenOf(u.setPasswordUrl), password: "correct-Horse-7-battery" } };
  },
  "POST /v1/auth/signup": async () => ({
    body: { email: `owner-${randomUUID().slice(0, 8)}@example.test`, firstName: "O", lastName: "W", password: "correct-Horse-7-battery", orgName: "Contract Inc" },
  }),
  "GET /v1/invitations": async () => ({ token: ctx.admin.token }),
  "POST /v1/invitations": async () => ({ token: ctx.admin.token, body: { email: `inv-${randomUUID().slice(0, 8)}@example.test` } }),
  "GET /v1/invitations/{invId}": async () => ({ token: ctx.admin.token, params: { invId: await invitationId() } }),
  "DELETE /v1/invitations/{invId}": async () => ({ token: ctx.admin.token, params: { invId: await invitationId() } }),
  "GET /v1/orgs/{orgId}": async () => ({ token: ctx.member.token, params: { orgId: ctx.orgId } }),
  "PUT /v1/orgs/{orgId}": async () => ({ token: ctx.admin.token, params: { orgId: ctx.orgId }, body: { description: "Demo organisation" } }),
  "GET /v1/orgs/{orgId}/settings": async () => ({ token: ctx.member.token, params: { orgId: ctx.orgId } }),
  "PUT /v1/orgs/{orgId}/settings": async () => ({ token: ctx.admin.token, params: { orgId: ctx.orgId }, body: { screenshotsEnabled: true } }),
  "GET /v1/users": async () => ({ token: ctx.manager.token }),
  "POST /v1/users": async () => ({ token: ctx.admin.token, body: { email: `new-${randomUUID().slice(0, 8)}@example.test`, firstName: "N", lastName: "U", role: "member" } }),
  "GET /v1/users/{userId}": async () => ({ token: ctx.member.token, params: { userId: ctx.member.id } }),
  "PUT /v1/users/{userId}": async () => ({ token: ctx.member.token, params: { userId: ctx.member.id }, body: { timeZone: "Europe/Berlin" } }),
  "GET /v1/users/{userId}/avatar": async () => ({ token: ctx.manager.token, params: { userId: await avatarUserId() } }),
  "PUT /v1/users/{userId}/avatar": async () => ({ token: ctx.member.token, params: { userId: ctx.member.id }, rawBody: form({ file: await patternImage("jpeg") }) }),
  "DELETE /v1/users/{userId}/avatar": async () => ({ token: ctx.admin.token, params: { userId: await avatarUserId() } }),
  "PUT /v1/users/{userId}/password": async () => {
    const m = await freshMember();
    return { token: m.token, params: { userId: m.id }, body: { password: "another-Horse-8-battery" } };
  },
  "POST /v1/users/{userId}/password-reset": async () => ({ token: ctx.admin.token, params: { userId: (await freshMember()).id }, body: { expiresAt: "2030-01-01T00:00:00Z" } }),
  "GET /v1/teams": async () => ({ token: ctx.admin.token }),
  "POST /v1/teams": async () => ({ token: ctx.admin.token, body: { name: `Team ${randomUUID().slice(0, 6)}` } }),
  "GET /v1/teams/{teamId}": async () => ({ token: ctx.manager.token, params: { teamId: ctx.teamId } }),
  "PUT /v1/teams/{teamId}": async () => ({ token: ctx.admin.token, params: { teamId: await teamId() }, body: { name: `Renamed ${randomUUID().slice(0, 6)}` } }),
  "DELETE /v1/teams/{teamId}": async () => ({ token: ctx.admin.token, params: { teamId: await teamId() } }),
  "PUT /v1/teams/{teamId}/members/{userId}": async () => ({ token: ctx.admin.token, params: { teamId: await teamId(), userId: ctx.member.id }, body: { manager: true } }),
  "DELETE /v1/teams/{teamId}/members/{userId}": async () => {
    const t = await teamId();
    await ok("PUT /v1/teams/{teamId}/members/{userId}", { token: ctx.admin.token, params: { teamId: t, userId: ctx.member.id }, body: {} });
    return { token: ctx.admin.token, params: { teamId: t, userId: ctx.member.id } };
  },

  // /v1 tracking
  "GET /v1/productivity-rules": async () => ({ token: ctx.member.token }),
  "POST /v1/productivity-rules": async () => ({ token: ctx.admin.token, body: { matchType: "DOMAIN", pattern: `c${randomUUID().slice(0, 6)}.example`, classification: "PRODUCTIVE" } }),
  "GET /v1/productivity-rules/{ruleId}": async () => ({ token: ctx.member.token, params: { ruleId: await ruleId() } }),
  "PUT /v1/productivity-rules/{ruleId}": async () => ({ token: ctx.admin.token, params: { ruleId: await ruleId() }, body: { classification: "NEUTRAL" } }),
  "DELETE /v1/productivity-rules/{ruleId}": async () => ({ token: ctx.admin.token, params: { ruleId: await ruleId() } }),
  "GET /v1/projects": async () => ({ token: ctx.member.token }),
  "POST /v1/projects": async () => ({ token: ctx.member.token, body: { name: `P ${randomUUID().slice(0, 6)}` } }),
  "GET /v1/projects/{projectId}": async () => ({ token: ctx.member.token, params: { projectId: ctx.projectId } }),
  "PUT /v1/projects/{projectId}": async () => ({ token: ctx.admin.token, params: { projectId: ctx.projectId }, body: { description: "Website relaunch (demo)" } }),
  "GET /v1/projects/{projectId}/tasks": async () => ({ token: ctx.member.token, params: { projectId: ctx.projectId } }),
  "POST /v1/projects/{projectId}/tasks": async () => ({ token: ctx.member.token, params: { projectId: ctx.projectId }, body: { name: `T ${randomUUID().slice(0, 6)}` } }),
  "DELETE /v1/projects/{projectId}/tasks/{taskId}": async () => ({ token: ctx.admin.token, params: { projectId: ctx.projectId, taskId: await newTask(ctx.projectId) } }),
  "POST /v1/projects/{projectId}/tasks/{taskId}/assign": async () => ({ token: ctx.admin.token, params: { projectId: ctx.projectId, taskId: await newTask() } }),
  "PUT /v1/projects/{projectId}/tasks/{taskId}/move": async () => ({
    token: ctx.admin.token,
    params: { projectId: ctx.projectId, taskId: await newTask(ctx.projectId) },
    body: { projectId: ctx.otherProjectId },
  }),
  "POST /v1/projects/{projectId}/tasks/{taskId}/unassign": async () => ({ token: ctx.admin.token, params: { projectId: ctx.projectId, taskId: await newTask(ctx.projectId) } }),
  "GET /v1/reports/projects/{projectId}/tasks": async () => ({ token: ctx.admin.token, params: { projectId: ctx.projectId } }),
  "GET /v1/reports/projects/{projectId}/users": async () => ({ token: ctx.admin.token, params: { projectId: ctx.projectId } }),
  "GET /v1/reports/tasks/{taskId}/tracks": async () => ({ token: ctx.admin.token, params: { taskId: ctx.taskId } }),
  "GET /v1/reports/tasks/{taskId}/users": async () => ({ token: ctx.admin.token, params: { taskId: ctx.taskId } }),
  "GET /v1/reports/users/{userId}": async () => ({ token: ctx.admin.token, params: { userId: ctx.member.id }, query: { startDate: ago(60 * 24 * 6).getTime(), endDate: ago(0).getTime() } }),
  "GET /v1/tasks": async () => ({ token: ctx.member.token }),
  "POST /v1/tasks": async () => ({ token: ctx.member.token, body: { name: `T ${randomUUID().slice(0, 6)}`, projectId: ctx.projectId } }),
  "GET /v1/tasks/{taskId}": async () => ({ token: ctx.member.token, params: { taskId: ctx.taskId } }),
  "PUT /v1/tasks/{taskId}": async () => ({ token: ctx.admin.token, params: { taskId: await newTask(ctx.projectId) }, body: { status: "closed" } }),
  "POST /v1/tasks/{taskId}/start": async () => ({ token: (await freshMember()).token, params: { taskId: ctx.taskId } }),
  "POST /v1/tasks/{taskId}/stop": async () => {
    const m = await freshMember();
    await startedSecondsAgo(() => ok("POST /v1/tasks/{taskId}/start", { token: m.token, params: { taskId: ctx.taskId } }));
    return { token: m.token, params: { taskId: ctx.taskId } };
  },
  "GET /v1/tasks/{taskId}/tracks": async () => ({ token: ctx.admin.token, params: { taskId: ctx.taskId } }),
  "POST /v1/tasks/{taskId}/tracks": async () => ({ token: (await freshMember()).token, params: { taskId: ctx.taskId }, body: { start: ago(300).getTime(), end: ago(240).getTime() } }),
  "GET /v1/tasks/{taskId}/tracks/{trackId}": async () => {
    const m = await freshMember();
    return { token: m.token, params: { taskId: ctx.taskId, trackId: await newTrack(m, ctx.taskId) } };
  },
  "PUT /v1/tasks/{taskId}/tracks/{trackId}": async () => {
    const m = await freshMember();
    return { token: m.token, params: { taskId: ctx.taskId, trackId: await newTrack(m, ctx.taskId) }, body: { end: ago(250).getTime() } };
  },
  "DELETE /v1/tasks/{taskId}/tracks/{trackId}": async () => {
    const m = await freshMember();
    return { token: m.token, params: { taskId: ctx.taskId, trackId: await newTrack(m, ctx.taskId) } };
  },
  "POST /v1/tasks/clock-in/external/{externalId}": async () => ({ token: (await freshMember()).token, params: { externalId: `EXT-${randomUUID().slice(0, 6)}` } }),
  "POST /v1/tasks/clock-in/name/{name}": async () => ({ token: (await freshMember()).token, params: { name: `Clock ${randomUUID().slice(0, 6)}` } }),

  // dashboards and proof of work
  "POST /v1/dashboard/productivity-analysis": async () => ({ token: ctx.manager.token, body: dashboardRange() }),
  "POST /v1/dashboard/weekly-summary": async () => ({ token: ctx.manager.token, body: dashboardRange() }),
  "POST /v1/proof-of-work/timesheet": async () => ({ token: ctx.admin.token, body: dashboardRange() }),
};

/** Documented operations this test does not call, each with its reason. Empty today. */
const notCalled: Partial<Record<Op, string>> = {};

/** Operations whose success body is not JSON (the documented schema is `{}`, which accepts it). */
const binary = new Set<Op>(["GET /api/timesheet/screenshot/{id}/file", "GET /api/timesheet/screenshot/{id}/thumb", "GET /v1/users/{userId}/avatar"]);

async function apiKey(): Promise<{ apiKey: string; info: { id: string } }> {
  return ok("POST /v1/api-keys", { token: ctx.member.token, body: { name: `k ${randomUUID().slice(0, 6)}` } });
}
async function invitationId(): Promise<string> {
  return (await ok("POST /v1/invitations", { token: ctx.admin.token, body: { email: `inv-${randomUUID().slice(0, 8)}@example.test` } })).invitation.id;
}
async function teamId(): Promise<string> {
  return (await ok("POST /v1/teams", { token: ctx.admin.token, body: { name: `Team ${randomUUID().slice(0, 6)}` } })).id;
}
async function ruleId(): Promise<string> {
  return (await ok("POST /v1/productivity-rules", { token: ctx.admin.token, body: { matchType: "APP", pattern: `app-${randomUUID().slice(0, 6)}`, classification: "UNPRODUCTIVE" } })).id;
}
async function screenshotId(): Promise<string> {
  return (await ok("POST /api/timesheet/screenshot", { token: ctx.member.token, rawBody: form({ file: await patternImage(), recordedAt: iso(Math.floor(Math.random() * 5000) + 1) }) })).id;
}
/** A fresh member with a picture. */
async function avatarUserId(): Promise<string> {
  const u = await freshMember();
  await ok("PUT /v1/users/{userId}/avatar", { token: u.token, params: { userId: u.id }, rawBody: form({ file: await patternImage("webp") }) });
  return u.id;
}
async function login(): Promise<{ accessToken: string; refreshToken: string }> {
  return ok("POST /v1/auth/login", { body: { email: "tom.becker@timebase.demo", password: DEMO_PASSWORD } });
}

async function sessionFor(orgId: string, email: string): Promise<TestUser> {
  const d = await db();
  const [u] = await d.select().from(users).where(eq(users.email, email));
  const { accessToken } = await createSession(d, { orgId, userId: u!.id, kind: "password" });
  return { id: u!.id, email, token: accessToken, role: u!.role };
}

beforeAll(async () => {
  const d = await db();
  await seedDemo(d);
  const [org] = await d.select().from(organizations).where(eq(organizations.name, "Acme Robotics"));
  const orgId = org!.id;
  await d.update(organizations).set({ screenshotsEnabled: true }).where(eq(organizations.id, orgId));
  const [platform] = await d.select().from(teams).where(eq(teams.name, "Platform"));
  const projectRows = await d.select().from(projects).where(eq(projects.organizationId, orgId)).orderBy(projects.externalId);
  const project = projectRows.find((p) => p.externalId === "WEB-1")!;
  const [task] = await d.select().from(tasks).where(eq(tasks.projectId, project.id)).limit(1);
  ctx = {
    orgId,
    admin: await sessionFor(orgId, "ada.admin@timebase.demo"),
    manager: await sessionFor(orgId, "maya.okafor@timebase.demo"),
    member: await sessionFor(orgId, "lena.fischer@timebase.demo"),
    teamId: platform!.id,
    projectId: project.id,
    otherProjectId: projectRows.find((p) => p.externalId === "MOB-1")!.id,
    taskId: task!.id,
  };
  const served = await call(openapiRoute, "GET", "/api/openapi.json");
  expect(served.status).toBe(200);
  doc = served.body;
});

function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its default export arrives wrapped or not depending on the loader
  const plugin = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;
  plugin(ajv);
  return ajv;
}

describe(`every documented operation answers as documented on the seeded demo (${testDbKind()})`, () => {
  it("each documented operation is either called here or listed with a reason", () => {
    // the it.each below runs nothing for an empty list
    expect(documented.length).toBeGreaterThan(50);
    const missing = documented.filter((op) => !requests[op] && !notCalled[op]);
    expect(missing, "add a request builder (or a reason in notCalled)").toEqual([]);
    const stale = Object.keys({ ...requests, ...notCalled }).filter((op) => !documented.includes(op as Op));
    expect(stale, "operations in this test that the document lacks").toEqual([]);
  });

  it("serves the document the code builds", () => {
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(buildOpenApi(routes).paths).sort());
  });

  const ajv = validator();
  async function answersAsDocumented(op: Op, { status: wanted, ...opts }: Request): Promise<void> {
    const [method, pattern] = op.split(" ") as [string, string];
    const res = await invoke(op, opts);
    const responses = doc.paths[pattern]![method.toLowerCase()]!.responses;
    const success = Object.keys(responses).find((s) => s.startsWith("2"))!;
    expect(res.status, JSON.stringify(res.body)).toBe(wanted ?? Number(success));
    const documentedResponse = responses[String(res.status)];
    expect(documentedResponse, `${op}: status ${res.status} is documented`).toBeDefined();
    if (!binary.has(op)) expect(res.headers.get("content-type") ?? "application/json").toContain("json");
    const schema = documentedResponse!.content?.["application/json"]?.schema ?? {};
    // the components ride along so the error schemas' #/components/schemas/… references resolve
    const validate = ajv.compile({ ...schema, components: doc.components });
    const valid = validate(res.body);
    expect(valid, `${op}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(res.body).slice(0, 500)}`).toBe(true);
  }

  it.each(documented.filter((op) => requests[op]))("%s", async (op) => answersAsDocumented(op, await requests[op]!()));

  // Refusals, one or more of each family: the status is documented and the body is its error envelope.
  const refusals: Array<[Op, number, () => Promise<Request>]> = [
    ["POST /v1/dashboard/weekly-summary", 422, async () => ({ token: ctx.manager.token, body: { ...dashboardRange(), timeZone: "Mars/Base" } })],
    ["POST /v1/dashboard/productivity-analysis", 403, async () => ({ token: ctx.member.token, body: { ...dashboardRange(), teamId: [ctx.teamId] } })],
    ["POST /v1/proof-of-work/timesheet", 404, async () => ({ token: ctx.admin.token, body: { ...dashboardRange(), teamId: [randomUUID()] } })],
    ["PUT /v1/productivity-rules/{ruleId}", 403, async () => ({ token: ctx.member.token, params: { ruleId: await ruleId() }, body: { classification: "NEUTRAL" } })],
    ["GET /v1/productivity-rules/{ruleId}", 404, async () => ({ token: ctx.member.token, params: { ruleId: randomUUID() } })],
    ["POST /api/timesheet/screenshot", 422, async () => ({ token: ctx.member.token, rawBody: form({ file: await patternImage() }) })],
    ["POST /api/timesheet/screenshot", 415, async () => ({ token: ctx.member.token, rawBody: form({ file: "not an image", recordedAt: iso(5) }) })],
    [
      "POST /api/timesheet/screenshot",
      429,
      async () => {
        // a fresh user whose window is full: the next new upload is throttled
        const u = await addUser(ctx.orgId);
        for (let i = 0; i < UPLOAD_LIMIT.max; i++) await recordAttempt(await db(), [{ kind: "upload", id: u.id }]);
        return { token: u.token, rawBody: form({ file: await patternImage(), recordedAt: iso(5) }) };
      },
    ],
    ["GET /api/timesheet/screenshot/{id}/file", 404, async () => ({ token: ctx.member.token, params: { id: randomUUID() } })],
    ["PUT /v1/users/{userId}/avatar", 415, async () => ({ token: ctx.member.token, params: { userId: ctx.member.id }, rawBody: form({ file: "not an image" }) })],
    ["PUT /v1/users/{userId}/avatar", 403, async () => ({ token: ctx.member.token, params: { userId: ctx.manager.id }, rawBody: form({ file: await patternImage() }) })],
    ["GET /v1/users/{userId}/avatar", 404, async () => ({ token: ctx.member.token, params: { userId: randomUUID() } })],
    [
      "POST /v1/auth/login",
      429,
      async () => {
        // an account's tenth failure in the window locks it: the next attempt is throttled
        const body = { email: `throttled-${randomUUID().slice(0, 8)}@example.test`, password: "wrong-password-123" };
        for (let i = 0; i < 10; i++) expect((await invoke("POST /v1/auth/login", { body })).status).toBe(401);
        return { body };
      },
    ],
  ];
  it.each(refusals)("%s refused with %i", async (op, status, build) => answersAsDocumented(op, { ...(await build()), status }));
});
