import fs from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { routeTable } from "@/app/routes.generated";
import { handlerOf, METHODS } from "@/lib/openapi/build";
import { apiKeys, authSessions, userTokens, users } from "@/db/schema";
import { setClock } from "@/base/clock";
import { SCOPES, type Scope } from "@/lib/auth/scopes";
import { GET as listKeys, POST as createKey } from "@/app/v1/api-keys/route";
import { DELETE as deleteKey } from "@/app/v1/api-keys/[apiKeyId]/route";
import { POST as rotateKey } from "@/app/v1/api-keys/[apiKeyId]/rotate/route";
import { POST as apiKeyLogin } from "@/app/v1/auth/api-key/login/route";
import { POST as setPasswordRoute } from "@/app/v1/auth/set-password/route";
import { GET as listUsersRoute, POST as createUserRoute } from "@/app/v1/users/route";
import { GET as getUserRoute, PUT as updateUserRoute } from "@/app/v1/users/[userId]/route";
import { PUT as passwordRoute } from "@/app/v1/users/[userId]/password/route";
import { POST as passwordResetRoute } from "@/app/v1/users/[userId]/password-reset/route";
import { POST as inviteRoute } from "@/app/v1/invitations/route";
import { GET as listTasks } from "@/app/v1/tasks/route";
import { GET as timerStatus } from "@/app/api/timesheet/timer/status/route";
import { PUT as approveRoute } from "@/app/api/timesheet/approve/route";
import { POST as weeklySummary } from "@/app/v1/dashboard/weekly-summary/route";
import { POST as proofOfWork } from "@/app/v1/proof-of-work/timesheet/route";
import { testDbKind } from "../db";
import { addUser, call, db, makeOrg } from "../helpers";
import { login, PASSWORD, givePassword, uniqueEmail } from "./helpers";

const MINUTE = 60_000;

afterEach(() => setClock(null));

async function newKey(token: string, body: { name: string; scopes?: Scope[] } = { name: "agent" }) {
  const res = await call(createKey, "POST", "/v1/api-keys", { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { apiKey: string; info: { id: string; scopes: Scope[] } };
}

/** An access token of a session opened with a new API key of the token's owner. */
async function keySession(token: string, scopes?: Scope[]) {
  const key = await newKey(token, { name: "agent", scopes });
  const res = await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: key.apiKey } });
  expect(res.status).toBe(200);
  return { token: res.body.accessToken as string, keyId: key.info.id, apiKey: key.apiKey };
}

describe(`route scopes (${testDbKind()})`, () => {
  it("every route with auth (required or optional) declares the scope an API key needs", () => {
    const missing: string[] = [];
    let counted = 0;
    for (const r of routeTable) {
      if (r.catchAll) continue;
      for (const method of METHODS) {
        const h = handlerOf(r.module, method);
        if (!h || (h.spec.auth ?? "required") === "none") continue;
        counted++;
        const scope = h.spec.scope;
        if (!scope || !([...SCOPES, "signed-in", "any"] as string[]).includes(scope)) missing.push(`${method} ${r.pattern}`);
      }
    }
    expect(counted).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});

describe(`API key scopes (${testDbKind()})`, () => {
  it("a key created with { name } gets the scopes its owner's role allows; the list and the answer show them", async () => {
    const org = await makeOrg();
    const member = await newKey(org.member.token);
    expect(member.info.scopes).toEqual(["time:read", "time:write", "reports:read", "users:read", "users:write"]);
    const manager = await newKey(org.manager.token);
    expect(manager.info.scopes).toEqual(["time:read", "time:write", "timesheets:approve", "reports:read", "users:read", "users:write"]);
    const admin = await newKey(org.admin.token);
    expect(admin.info.scopes).toEqual([...SCOPES]);
    const list = await call(listKeys, "GET", "/v1/api-keys", { token: org.admin.token });
    expect(list.body.find((k: { id: string }) => k.id === manager.info.id).scopes).toContain("timesheets:approve");
  });

  it("a requested scope beyond the owner's role is 422 body.scopes and creates nothing; a subset is kept", async () => {
    const org = await makeOrg();
    const res = await call(createKey, "POST", "/v1/api-keys", { token: org.member.token, body: { name: "x", scopes: ["time:read", "admin"] } });
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/^body\.scopes: .*admin/);
    const unknown = await call(createKey, "POST", "/v1/api-keys", { token: org.member.token, body: { name: "x", scopes: ["everything"] } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toMatch(/^body\.scopes/);
    expect((await call(listKeys, "GET", "/v1/api-keys", { token: org.member.token })).body).toHaveLength(0);
    const narrow = await newKey(org.member.token, { name: "reader", scopes: ["time:read"] });
    expect(narrow.info.scopes).toEqual(["time:read"]);
  });

  it("a key lacking a route's scope gets 403 naming the scope, in each family's envelope; password sessions are not limited", async () => {
    const org = await makeOrg();
    const { token } = await keySession(org.manager.token, ["users:read"]);
    const v1 = await call(listTasks, "GET", "/v1/tasks", { token });
    expect(v1.status).toBe(403);
    expect(v1.body).toMatchObject({ code: "forbidden" });
    expect(v1.body.message).toContain("time:read");
    const ts = await call(timerStatus, "GET", "/api/timesheet/timer/status", { token });
    expect(ts.status).toBe(403);
    expect(ts.body).toMatchObject({ statusCode: 403 });
    expect(ts.body.message).toContain("time:read");
    const approve = await call(approveRoute, "PUT", "/api/timesheet/approve", { token, body: { ids: [] } });
    expect(approve.status).toBe(403);
    expect(approve.body.message).toContain("timesheets:approve");
    const dash = await call(weeklySummary, "POST", "/v1/dashboard/weekly-summary", { token, body: {} });
    expect(dash.status).toBe(403);
    expect(dash.body).toMatchObject({ success: false, error: { code: "FORBIDDEN" } });
    expect(dash.body.error.message).toContain("reports:read");
    const pow = await call(proofOfWork, "POST", "/v1/proof-of-work/timesheet", { token, body: {} });
    expect(pow.status).toBe(403);
    expect(pow.body.error.message).toContain("reports:read");
    // the scope it holds works
    expect((await call(listUsersRoute, "GET", "/v1/users", { token })).status).toBe(200);
    // the owner's password session is not limited by scopes
    expect((await call(listTasks, "GET", "/v1/tasks", { token: org.manager.token })).status).toBe(200);
  });

  it("the migration gives an existing key the scopes of its owner's role", async () => {
    const org = await makeOrg();
    const d = await db();
    const keys = { admin: await newKey(org.admin.token), manager: await newKey(org.manager.token), member: await newKey(org.member.token) };
    const ids = Object.values(keys).map((k) => k.info.id);
    await d.update(apiKeys).set({ scopes: [] }).where(and(eq(apiKeys.organizationId, org.id)));
    const file = fs.readFileSync(path.join(process.cwd(), "drizzle", fs.readdirSync("drizzle").find((f) => f.endsWith("_api_key_scopes.sql"))!), "utf8");
    const update = file.split("--> statement-breakpoint").map((s) => s.replace(/^\s*--.*$/gm, "").trim()).find((s) => s.startsWith("UPDATE"))!.replace(/;\s*$/, "");
    // only this organisation's keys (other test files share the database)
    await d.execute(sql.raw(`${update} AND k."organization_id" = '${org.id}'`));
    const rows = await d.select({ id: apiKeys.id, scopes: apiKeys.scopes }).from(apiKeys).where(eq(apiKeys.organizationId, org.id));
    const of = (id: string) => rows.find((r) => r.id === id)!.scopes;
    expect(ids).toHaveLength(3);
    expect(of(keys.admin.info.id)).toEqual([...SCOPES]);
    expect(of(keys.manager.info.id)).toEqual(manager());
    expect(of(keys.member.info.id)).toEqual(["time:read", "time:write", "reports:read", "users:read", "users:write"]);
    function manager() {
      return ["time:read", "time:write", "timesheets:approve", "reports:read", "users:read", "users:write"];
    }
  });
});

describe(`what no API key may do, whatever its scopes (${testDbKind()})`, () => {
  it("an admin's key cannot reset its owner's or anyone's password, so no set-password link is minted", async () => {
    const org = await makeOrg();
    const { token } = await keySession(org.admin.token);
    for (const target of [org.admin.id, org.member.id]) {
      const res = await call(passwordResetRoute, "POST", `/v1/users/${target}/password-reset`, {
        token,
        params: { userId: target },
        body: { expiresAt: new Date(Date.now() + 60 * MINUTE).toISOString() },
      });
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain("set-password");
    }
    const d = await db();
    expect(await d.select().from(userTokens).where(eq(userTokens.organizationId, org.id))).toHaveLength(0);
    const [admin] = await d.select().from(users).where(and(eq(users.organizationId, org.id), eq(users.id, org.admin.id)));
    expect(admin!.passwordExpiresAt).toBeNull();
    // and the set-password endpoint has no link to spend
    const set = await call(setPasswordRoute, "POST", "/v1/auth/set-password", { token, body: { token: "tb_nothing", password: "another-Horse-8-battery" } });
    expect(set.status).not.toBe(200);
  });

  it("an admin's key cannot change its owner's password", async () => {
    const org = await makeOrg();
    const { token } = await keySession(org.admin.token);
    const res = await call(passwordRoute, "PUT", `/v1/users/${org.admin.id}/password`, { token, params: { userId: org.admin.id }, body: { password: "another-Horse-8-battery", currentPassword: PASSWORD } });
    expect(res.status).toBe(403);
  });

  it("an admin's key cannot create, invite, promote or reactivate an admin; it may create a member", async () => {
    const org = await makeOrg();
    const { token } = await keySession(org.admin.token);
    const email = uniqueEmail("boss");
    const created = await call(createUserRoute, "POST", "/v1/users", { token, body: { email, role: "admin" } });
    expect(created.status).toBe(403);
    expect(created.body.message).toMatch(/signed-in session/);
    const invited = await call(inviteRoute, "POST", "/v1/invitations", { token, body: { email, role: "admin" } });
    expect(invited.status).toBe(403);
    const promote = await call(updateUserRoute, "PUT", `/v1/users/${org.member.id}`, { token, params: { userId: org.member.id }, body: { role: "admin" } });
    expect(promote.status).toBe(403);
    const d = await db();
    const [member] = await d.select().from(users).where(and(eq(users.organizationId, org.id), eq(users.id, org.member.id)));
    expect(member!.role).toBe("member");

    // a deactivated admin stays deactivated
    const other = await addUser(org.id, { role: "admin" });
    expect((await call(updateUserRoute, "PUT", `/v1/users/${other.id}`, { token: org.admin.token, params: { userId: other.id }, body: { active: false } })).status).toBe(200);
    const reactivate = await call(updateUserRoute, "PUT", `/v1/users/${other.id}`, { token, params: { userId: other.id }, body: { active: true } });
    expect(reactivate.status).toBe(403);
    const [still] = await d.select().from(users).where(and(eq(users.organizationId, org.id), eq(users.id, other.id)));
    expect(still!.deactivatedAt).not.toBeNull();

    const memberOk = await call(createUserRoute, "POST", "/v1/users", { token, body: { email: uniqueEmail("m"), role: "member" } });
    expect(memberOk.status).toBe(201);
    // the signed-in session still may
    expect((await call(updateUserRoute, "PUT", `/v1/users/${org.member.id}`, { token: org.admin.token, params: { userId: org.member.id }, body: { role: "admin" } })).status).toBe(200);
  });

  it("an admin's key without the admin scope cannot change another user's e-mail, role or active", async () => {
    const org = await makeOrg();
    const { token } = await keySession(org.admin.token, ["users:read", "users:write"]);
    const res = await call(updateUserRoute, "PUT", `/v1/users/${org.member.id}`, { token, params: { userId: org.member.id }, body: { active: false } });
    expect(res.status).toBe(403);
    expect(res.body.message).toContain("admin");
    expect((await call(updateUserRoute, "PUT", `/v1/users/${org.admin.id}`, { token, params: { userId: org.admin.id }, body: { firstName: "Ada" } })).status).toBe(200);
  });

  it("deleting a key ends its sessions at once", async () => {
    const org = await makeOrg();
    const { token, keyId } = await keySession(org.member.token);
    const me = () => call(getUserRoute, "GET", `/v1/users/${org.member.id}`, { token, params: { userId: org.member.id } });
    expect((await me()).status).toBe(200);
    expect((await call(deleteKey, "DELETE", `/v1/api-keys/${keyId}`, { token: org.member.token, params: { apiKeyId: keyId } })).status).toBe(200);
    expect((await me()).status).toBe(401);
    const d = await db();
    const [s] = await d.select().from(authSessions).where(and(eq(authSessions.organizationId, org.id), eq(authSessions.apiKeyId, keyId)));
    expect(s!.revokedReason).toBe("api_key_deleted");
  });
});

describe(`another person's key (${testDbKind()})`, () => {
  it("an admin cannot rotate a manager's key (no secret is shown); the admin may revoke it", async () => {
    const org = await makeOrg();
    const key = await newKey(org.manager.token);
    const rotated = await call(rotateKey, "POST", `/v1/api-keys/${key.info.id}/rotate`, { token: org.admin.token, params: { apiKeyId: key.info.id } });
    expect(rotated.status).toBe(403);
    expect(JSON.stringify(rotated.body)).not.toMatch(/tb_/);
    // the key is untouched
    expect((await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: key.apiKey } })).status).toBe(200);
    const other = await call(rotateKey, "POST", `/v1/api-keys/${key.info.id}/rotate`, { token: org.member.token, params: { apiKeyId: key.info.id } });
    expect(other.status).toBe(403);
    // the owner rotates it, keeping its scopes
    const own = await call(rotateKey, "POST", `/v1/api-keys/${key.info.id}/rotate`, { token: org.manager.token, params: { apiKeyId: key.info.id } });
    expect(own.status).toBe(200);
    expect(own.body.info.scopes).toEqual(key.info.scopes);
    const revoked = await call(deleteKey, "DELETE", `/v1/api-keys/${own.body.info.id}`, { token: org.admin.token, params: { apiKeyId: own.body.info.id } });
    expect(revoked.status).toBe(200);
    expect((await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: own.body.apiKey } })).status).toBe(401);
  });
});

describe(`changing one's password (${testDbKind()})`, () => {
  const NEW = "fresh-Lantern-42-orbit";

  async function setup() {
    const base = Date.parse("2026-05-04T09:00:00Z");
    setClock(() => new Date(base));
    const org = await makeOrg();
    await givePassword(org.id, org.member.id);
    const [{ email }] = (await (await db()).select({ email: users.email }).from(users).where(eq(users.id, org.member.id))) as [{ email: string }];
    const change = (token: string, body: object) => call(passwordRoute, "PUT", `/v1/users/${org.member.id}/password`, { token, params: { userId: org.member.id }, body });
    return { base, org, email, change };
  }

  it("a session signed in within 10 minutes changes it with { password } alone; the other sessions end", async () => {
    const { org, email, change } = await setup();
    const current = await login(email, PASSWORD);
    const res = await change(current.accessToken, { password: NEW });
    expect(res.status).toBe(200);
    const me = (token: string) => call(getUserRoute, "GET", `/v1/users/${org.member.id}`, { token, params: { userId: org.member.id } });
    expect((await me(current.accessToken)).status).toBe(200);
    expect((await me(org.member.token)).status).toBe(401);
    await login(email, NEW);
  });

  it("an older session needs currentPassword: missing 422 body.currentPassword, wrong 403, right 200", async () => {
    const { base, org, email, change } = await setup();
    const older = await login(email, PASSWORD);
    setClock(() => new Date(base + 11 * MINUTE));
    const missing = await change(older.accessToken, { password: NEW });
    expect(missing.status).toBe(422);
    expect(missing.body.message).toMatch(/^body\.currentPassword/);
    const wrong = await change(older.accessToken, { password: NEW, currentPassword: "not-the-password-1" });
    expect(wrong.status).toBe(403);
    expect(wrong.body.message).toMatch(/^body\.currentPassword/);
    // nothing changed
    await login(email, PASSWORD);
    const right = await change(older.accessToken, { password: NEW, currentPassword: PASSWORD });
    expect(right.status).toBe(200);
    await login(email, NEW);
    // a stolen token of 10+ minutes cannot change it without the password
    void org;
  });

  it("an API-key session may never change it", async () => {
    const { org, change } = await setup();
    const { token } = await keySession(org.member.token);
    expect((await change(token, { password: NEW, currentPassword: PASSWORD })).status).toBe(403);
    expect((await change(token, { password: NEW })).status).toBe(403);
  });
});
