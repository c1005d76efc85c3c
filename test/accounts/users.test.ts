import { afterEach, describe, expect, it } from "vitest";
import { setClock } from "@/base/clock";
import { createSession } from "@/lib/services/accounts";
import { GET as listUsers, POST as createUser } from "@/app/v1/users/route";
import { GET as getUser, PUT as updateUser } from "@/app/v1/users/[userId]/route";
import { PUT as changePassword } from "@/app/v1/users/[userId]/password/route";
import { POST as resetPassword } from "@/app/v1/users/[userId]/password-reset/route";
import { POST as setPassword } from "@/app/v1/auth/set-password/route";
import { POST as loginRoute } from "@/app/v1/auth/login/route";
import { POST as refreshRoute } from "@/app/v1/auth/refresh/route";
import { POST as apiKeyLogin } from "@/app/v1/auth/api-key/login/route";
import { POST as createKey } from "@/app/v1/api-keys/route";
import { testDbKind } from "../db";
import { call, db, makeOrg } from "../helpers";
import { expectNoSecrets, givePassword, login, PASSWORD, signupAndLogin, tokenOf, uniqueEmail } from "./helpers";

const DAY = 24 * 60 * 60_000;
const NEW_PASSWORD = "another-Long-pass-42";

afterEach(() => setClock(null));

const me = (token: string, userId: string) => call(getUser, "GET", `/v1/users/${userId}`, { token, params: { userId } });
const tryLogin = (email: string, password: string) => call(loginRoute, "POST", "/v1/auth/login", { body: { email, password } });

describe(`users (${testDbKind()})`, () => {
  it("admin creates a user who sets a password through the one-time link", async () => {
    const base = Date.parse("2026-06-01T08:00:00Z");
    setClock(() => new Date(base));
    const org = await makeOrg();
    const email = uniqueEmail("New");
    const res = await call(createUser, "POST", "/v1/users", { token: org.admin.token, body: { email: email.toUpperCase(), firstName: "John", lastName: "Doe", role: "member" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ firstName: "John", lastName: "Doe", email: email.toLowerCase(), role: "member", active: true });
    expect(res.body.setPasswordUrl).toMatch(/\/set-password\?token=tbsp_/);
    expectNoSecrets(res.body);
    const token = tokenOf(res.body.setPasswordUrl);

    // no password yet: login answers like any wrong password
    expect((await tryLogin(email, PASSWORD)).status).toBe(401);

    const weak = await call(setPassword, "POST", "/v1/auth/set-password", { body: { token, password: "password1234" } });
    expect(weak.status).toBe(422);
    expect(weak.body.details.field).toBe("password");
    const ok = await call(setPassword, "POST", "/v1/auth/set-password", { body: { token, password: PASSWORD } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ message: "Password set successfully" });
    await login(email, PASSWORD);

    const reused = await call(setPassword, "POST", "/v1/auth/set-password", { body: { token, password: NEW_PASSWORD } });
    expect(reused.status).toBe(410);
    expect((await call(setPassword, "POST", "/v1/auth/set-password", { body: { token: token.slice(0, -4) + "AAAA", password: NEW_PASSWORD } })).status).toBe(404);
    expect((await call(setPassword, "POST", "/v1/auth/set-password", { body: { token: "nope", password: NEW_PASSWORD } })).status).toBe(404);
  });

  it("expires an unused set-password link after one day (410)", async () => {
    const base = Date.parse("2026-06-02T08:00:00Z");
    setClock(() => new Date(base));
    const org = await makeOrg();
    const res = await call(createUser, "POST", "/v1/users", { token: org.admin.token, body: { email: uniqueEmail(), role: "admin" } });
    setClock(() => new Date(base + DAY));
    const late = await call(setPassword, "POST", "/v1/auth/set-password", { body: { token: tokenOf(res.body.setPasswordUrl), password: PASSWORD } });
    expect(late.status).toBe(410);
  });

  it("a changed password ends the user's other sessions, not the current one", async () => {
    const s = await signupAndLogin();
    const other = await login(s.email, s.password);
    const res = await call(changePassword, "PUT", `/v1/users/${s.userId}/password`, { token: s.accessToken, params: { userId: s.userId }, body: { password: NEW_PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: "Password updated successfully" });
    expect((await me(s.accessToken, s.userId)).status).toBe(200);
    expect((await me(other.accessToken, s.userId)).status).toBe(401);
    expect((await call(refreshRoute, "POST", "/v1/auth/refresh", { body: { refreshToken: other.refreshToken } })).status).toBe(401);
    expect((await tryLogin(s.email, s.password)).status).toBe(401);
    await login(s.email, NEW_PASSWORD);
  });

  it("refuses to change someone else's password, or from an API-key session", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    const cases: Array<[string, string, number]> = [
      [org.admin.token, org.member.id, 403],
      [org.member.token, org.manager.id, 403],
      [org.admin.token, other.member.id, 404],
    ];
    for (const [token, userId, status] of cases) {
      const res = await call(changePassword, "PUT", `/v1/users/${userId}/password`, { token, params: { userId }, body: { password: NEW_PASSWORD } });
      expect(res.status).toBe(status);
    }
    const key = await call(createKey, "POST", "/v1/api-keys", { token: org.member.token, body: { name: "k" } });
    const session = await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: key.body.apiKey } });
    const viaKey = await call(changePassword, "PUT", `/v1/users/${org.member.id}/password`, { token: session.body.accessToken, params: { userId: org.member.id }, body: { password: NEW_PASSWORD } });
    expect(viaKey.status).toBe(403);
  });

  it("admin reset: the old password works until expiresAt, then login asks for a new one through the link", async () => {
    const base = Date.parse("2026-06-03T08:00:00Z");
    setClock(() => new Date(base));
    const org = await makeOrg();
    await givePassword(org.id, org.member.id);
    const expiresAt = new Date(base + 2 * DAY).toISOString();
    const res = await call(resetPassword, "POST", `/v1/users/${org.member.id}/password-reset`, { token: org.admin.token, params: { userId: org.member.id }, body: { expiresAt } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ message: "Password reset scheduled", expiresAt });
    expect(res.body.setPasswordUrl).toMatch(/tbsp_/);
    await login(org.member.email, PASSWORD);

    setClock(() => new Date(base + 2 * DAY));
    const expired = await tryLogin(org.member.email, PASSWORD);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe("password_expired");
    // a wrong password still gets the generic answer
    expect((await tryLogin(org.member.email, "not-the-password!")).body.code).toBe("invalid_credentials");

    const set = await call(setPassword, "POST", "/v1/auth/set-password", { body: { token: tokenOf(res.body.setPasswordUrl), password: NEW_PASSWORD } });
    expect(set.status).toBe(200);
    await login(org.member.email, NEW_PASSWORD);
    expect((await tryLogin(org.member.email, PASSWORD)).status).toBe(401);
  });

  it("validates the reset body", async () => {
    const org = await makeOrg();
    for (const body of [{}, { expiresAt: "tomorrow" }, { expiresAt: "2026-06-01" }]) {
      const res = await call(resetPassword, "POST", `/v1/users/${org.member.id}/password-reset`, { token: org.admin.token, params: { userId: org.member.id }, body });
      expect(res.status).toBe(422);
      expect(res.body.details.field).toBe("body.expiresAt");
    }
  });

  it("deactivation cuts off sessions, refresh tokens and API keys at once; reactivation allows sign-in again", async () => {
    const org = await makeOrg();
    await givePassword(org.id, org.member.id);
    const pw = await login(org.member.email, PASSWORD);
    const key = await call(createKey, "POST", "/v1/api-keys", { token: org.member.token, body: { name: "agent" } });
    const keySession = await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: key.body.apiKey } });
    const web = await createSession(await db(), { orgId: org.id, userId: org.member.id, kind: "web" });
    for (const token of [org.member.token, pw.accessToken, keySession.body.accessToken, web.accessToken]) {
      expect((await me(token, org.member.id)).status).toBe(200);
    }

    const off = await call(updateUser, "PUT", `/v1/users/${org.member.id}`, { token: org.admin.token, params: { userId: org.member.id }, body: { active: false } });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    for (const token of [org.member.token, pw.accessToken, keySession.body.accessToken, web.accessToken]) {
      expect((await me(token, org.member.id)).status).toBe(401);
    }
    expect((await call(refreshRoute, "POST", "/v1/auth/refresh", { body: { refreshToken: pw.refreshToken } })).status).toBe(401);
    expect((await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: key.body.apiKey } })).status).toBe(401);
    const denied = await tryLogin(org.member.email, PASSWORD);
    expect(denied.status).toBe(401);
    expect(denied.body).toEqual((await tryLogin(org.member.email, "wrong-password-xyz")).body);

    const on = await call(updateUser, "PUT", `/v1/users/${org.member.id}`, { token: org.admin.token, params: { userId: org.member.id }, body: { active: true } });
    expect(on.body.active).toBe(true);
    // old sessions stay revoked; a new sign-in and the key work again
    expect((await me(pw.accessToken, org.member.id)).status).toBe(401);
    await login(org.member.email, PASSWORD);
    expect((await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: key.body.apiKey } })).status).toBe(200);
  });

  it("keeps at least one active admin", async () => {
    const org = await makeOrg();
    for (const body of [{ active: false }, { role: "member" }]) {
      const res = await call(updateUser, "PUT", `/v1/users/${org.admin.id}`, { token: org.admin.token, params: { userId: org.admin.id }, body });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe("last_admin");
    }
    const promote = await call(updateUser, "PUT", `/v1/users/${org.member.id}`, { token: org.admin.token, params: { userId: org.member.id }, body: { role: "admin" } });
    expect(promote.body.role).toBe("admin");
    const demote = await call(updateUser, "PUT", `/v1/users/${org.admin.id}`, { token: org.admin.token, params: { userId: org.admin.id }, body: { role: "member" } });
    expect(demote.status).toBe(200);
    // the demoted admin loses admin rights on the next request
    const list = await call(createUser, "POST", "/v1/users", { token: org.admin.token, body: { email: uniqueEmail(), role: "member" } });
    expect(list.status).toBe(403);
  });

  it("users change their own names and time zone; only admins change e-mail, role and active", async () => {
    const org = await makeOrg();
    const self = await call(updateUser, "PUT", `/v1/users/${org.member.id}`, { token: org.member.token, params: { userId: org.member.id }, body: { firstName: "Doug", timeZone: "Europe/Berlin" } });
    expect(self.status).toBe(200);
    expect(self.body).toMatchObject({ firstName: "Doug", timeZone: "Europe/Berlin" });
    for (const body of [{ role: "admin" }, { email: uniqueEmail() }, { active: false }]) {
      const res = await call(updateUser, "PUT", `/v1/users/${org.member.id}`, { token: org.member.token, params: { userId: org.member.id }, body });
      expect(res.status).toBe(403);
    }
    const other = await call(updateUser, "PUT", `/v1/users/${org.outsider.id}`, { token: org.member.token, params: { userId: org.outsider.id }, body: { firstName: "X" } });
    expect(other.status).toBe(403);
    const bad = await call(updateUser, "PUT", `/v1/users/${org.member.id}`, { token: org.member.token, params: { userId: org.member.id }, body: { timeZone: "Mars/Base" } });
    expect(bad.status).toBe(422);
    expect(bad.body.details.field).toBe("body.timeZone");
  });

  it("an e-mail change moves the sign-in address; a taken address is 409 in any case", async () => {
    const org = await makeOrg();
    await givePassword(org.id, org.member.id);
    const taken = await call(updateUser, "PUT", `/v1/users/${org.member.id}`, { token: org.admin.token, params: { userId: org.member.id }, body: { email: org.manager.email.toUpperCase() } });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe("email_taken");
    const fresh = uniqueEmail("Moved");
    const moved = await call(updateUser, "PUT", `/v1/users/${org.member.id}`, { token: org.admin.token, params: { userId: org.member.id }, body: { email: fresh } });
    expect(moved.status).toBe(200);
    expect(moved.body.email).toBe(fresh.toLowerCase());
    await login(fresh, PASSWORD);
    expect((await tryLogin(org.member.email, PASSWORD)).status).toBe(401);
    // the old address is free again
    const reuse = await call(createUser, "POST", "/v1/users", { token: org.admin.token, body: { email: org.member.email, role: "member" } });
    expect(reuse.status).toBe(201);
  });

  it("lists every user to admins, the team to managers and only themselves to members", async () => {
    const org = await makeOrg();
    const ids = (res: { body: Array<{ id: string }> }) => res.body.map((u) => u.id).sort();
    const admin = await call(listUsers, "GET", "/v1/users", { token: org.admin.token });
    expect(ids(admin)).toEqual([org.admin.id, org.manager.id, org.member.id, org.outsider.id].sort());
    expectNoSecrets(admin.body);
    const manager = await call(listUsers, "GET", "/v1/users", { token: org.manager.token });
    expect(ids(manager)).toEqual([org.manager.id, org.member.id].sort());
    const member = await call(listUsers, "GET", "/v1/users", { token: org.member.token });
    expect(ids(member)).toEqual([org.member.id]);
    // reading one user follows the same rule
    expect((await me(org.manager.token, org.member.id)).status).toBe(200);
    expect((await me(org.member.token, org.outsider.id)).status).toBe(403);
  });

  it.each([
    [{ role: "member" }, "body.email"],
    [{ email: "bad", role: "member" }, "body.email"],
    [{ email: "a@example.test" }, "body.role"],
    [{ email: "a@example.test", role: "owner" }, "body.role"],
    [{ email: "a@example.test", role: "member", firstName: 3 }, "body.firstName"],
  ])("validates the create body (%#)", async (body, field) => {
    const org = await makeOrg();
    const res = await call(createUser, "POST", "/v1/users", { token: org.admin.token, body });
    expect(res.status).toBe(422);
    expect(res.body.details.field).toBe(field);
  });

  it("refuses to create a user with a registered e-mail (409)", async () => {
    const org = await makeOrg();
    const res = await call(createUser, "POST", "/v1/users", { token: org.admin.token, body: { email: org.member.email.toUpperCase(), role: "member" } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("email_taken");
  });

  it.each([
    [{ email: "bad" }, "body.email"],
    [{ role: "owner" }, "body.role"],
    [{ active: "no" }, "body.active"],
    [{ firstName: 3 }, "body.firstName"],
    [{ lastName: "x".repeat(101) }, "body.lastName"],
  ])("validates the update body (%#) and changes nothing", async (body, field) => {
    const org = await makeOrg();
    const res = await call(updateUser, "PUT", `/v1/users/${org.member.id}`, { token: org.admin.token, params: { userId: org.member.id }, body });
    expect(res.status).toBe(422);
    expect(res.body.details.field).toBe(field);
    const after = await me(org.admin.token, org.member.id);
    expect(after.body).toMatchObject({ email: org.member.email, role: "member", active: true, firstName: "Test" });
  });

  it("answers 400 for a malformed user id, naming it", async () => {
    const org = await makeOrg();
    for (const [handler, method, body] of [[getUser, "GET", undefined], [updateUser, "PUT", { firstName: "X" }], [changePassword, "PUT", { password: NEW_PASSWORD }]] as const) {
      const res = await call(handler, method, "/v1/users/nope", { token: org.admin.token, params: { userId: "nope" }, body });
      expect(res.status).toBe(400);
      expect(res.body.details.field).toBe("params.userId");
    }
  });

  it.each([
    [{}, "body.password"],
    [{ password: "short" }, "body.password"],
    [{ password: "x".repeat(129) }, "body.password"],
    [{ password: "password1234" }, "password"],
  ])("validates the new password (%#); the old one keeps working", async (body, field) => {
    const s = await signupAndLogin();
    const res = await call(changePassword, "PUT", `/v1/users/${s.userId}/password`, { token: s.accessToken, params: { userId: s.userId }, body });
    expect(res.status).toBe(422);
    expect(res.body.details.field).toBe(field);
    await login(s.email, s.password);
  });

  it("refuses a password equal to the user's e-mail (422)", async () => {
    const email = uniqueEmail("longer-address");
    const s = await signupAndLogin({ email });
    const res = await call(changePassword, "PUT", `/v1/users/${s.userId}/password`, { token: s.accessToken, params: { userId: s.userId }, body: { password: email.toUpperCase() } });
    expect(res.status).toBe(422);
    expect(res.body.details.field).toBe("password");
  });

  it.each([
    [{ password: PASSWORD }, "body.token"],
    [{ token: "", password: PASSWORD }, "body.token"],
    [{ token: "tbsp_x" }, "body.password"],
  ])("validates the set-password body (%#)", async (body, field) => {
    const res = await call(setPassword, "POST", "/v1/auth/set-password", { body });
    expect(res.status).toBe(422);
    expect(res.body.details.field).toBe(field);
  });
});
