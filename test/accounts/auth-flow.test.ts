import { afterEach, describe, expect, it } from "vitest";
import { setClock } from "@/base/clock";
import { POST as signupRoute } from "@/app/v1/auth/signup/route";
import { POST as loginRoute } from "@/app/v1/auth/login/route";
import { POST as refreshRoute } from "@/app/v1/auth/refresh/route";
import { POST as apiKeyRefreshRoute } from "@/app/v1/auth/api-key/refresh/route";
import { POST as logoutRoute } from "@/app/v1/auth/logout/route";
import { GET as getUserRoute } from "@/app/v1/users/[userId]/route";
import { GET as getOrgRoute } from "@/app/v1/orgs/[orgId]/route";
import { testDbKind } from "../db";
import { call } from "../helpers";
import { expectNoSecrets, login, PASSWORD, signupAndLogin, uniqueEmail } from "./helpers";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

afterEach(() => setClock(null));

function at(base: number, offset: number) {
  setClock(() => new Date(base + offset));
}

describe(`signup, login, refresh, logout (${testDbKind()})`, () => {
  it("signs up a user and an organisation in the seed's shape", async () => {
    const email = uniqueEmail("Signup").toUpperCase();
    const res = await call(signupRoute, "POST", "/v1/auth/signup", {
      body: { email, password: PASSWORD, firstName: "Doug", lastName: "John", orgName: "Visidra" },
    });
    expect(res.status).toBe(201);
    expect(res.body.message).toBe("User and organisation registered successfully");
    expect(res.body.user).toMatchObject({ firstName: "Doug", lastName: "John", email: email.toLowerCase(), role: "admin" });
    expect(Object.keys(res.body.user)).toEqual(expect.arrayContaining(["id", "firstName", "lastName", "email", "role", "createdAt", "updatedAt"]));
    expect(res.body.org).toMatchObject({ name: "Visidra", decription: null, description: null });
    expect(Object.keys(res.body.org)).toEqual(expect.arrayContaining(["id", "name", "decription", "email", "createdAt", "updatedAt"]));
    expect(new Date(res.body.user.createdAt).toISOString()).toBe(res.body.user.createdAt);
    expectNoSecrets(res.body, PASSWORD);

    const tokens = await login(email.toLowerCase(), PASSWORD);
    const org = await call(getOrgRoute, "GET", `/v1/orgs/${res.body.org.id}`, { token: tokens.accessToken, params: { orgId: res.body.org.id } });
    expect(org.status).toBe(200);
    expect(org.body.id).toBe(res.body.org.id);
  });

  it("runs login → refresh → reuse detection → logout", async () => {
    const base = Date.parse("2026-03-02T10:00:00Z");
    at(base, 0);
    const s = await signupAndLogin();
    const me = (token: string) => call(getUserRoute, "GET", `/v1/users/${s.userId}`, { token, params: { userId: s.userId } });

    // password login: access valid 1 day
    const first = await login(s.email, s.password);
    expect(first.expiresIn).toBe(base + DAY);
    expect(first.accessToken).toMatch(/^tbat_/);
    expect(first.refreshToken).toMatch(/^tbrt_/);
    expect((await me(first.accessToken)).status).toBe(200);
    at(base, DAY + 1);
    expect((await me(first.accessToken)).status).toBe(401);

    // refresh rotates both tokens; the old access token stops working
    at(base, 2 * DAY);
    const r1 = await call(refreshRoute, "POST", "/v1/auth/refresh", { body: { refreshToken: first.refreshToken } });
    expect(r1.status).toBe(200);
    expect(r1.body.expiresIn).toBe(base + 3 * DAY);
    expect(r1.body.refreshToken).not.toBe(first.refreshToken);
    expect((await me(r1.body.accessToken)).status).toBe(200);

    // presenting the spent refresh token revokes the whole session
    const reuse = await call(refreshRoute, "POST", "/v1/auth/refresh", { body: { refreshToken: first.refreshToken } });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe("refresh_token_reused");
    expect((await me(r1.body.accessToken)).status).toBe(401);
    const after = await call(refreshRoute, "POST", "/v1/auth/refresh", { body: { refreshToken: r1.body.refreshToken } });
    expect(after.status).toBe(401);

    // another session is untouched; logout ends it
    const second = await login(s.email, s.password);
    expect((await me(second.accessToken)).status).toBe(200);
    const out = await call(logoutRoute, "POST", "/v1/auth/logout", { token: second.accessToken });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ message: "Logged out" });
    expect((await me(second.accessToken)).status).toBe(401);
    const refreshAfterLogout = await call(refreshRoute, "POST", "/v1/auth/refresh", { body: { refreshToken: second.refreshToken } });
    expect(refreshAfterLogout.status).toBe(401);
  });

  it("never refreshes past the session's absolute end (7 days)", async () => {
    const base = Date.parse("2026-03-09T08:00:00Z");
    at(base, 0);
    const s = await signupAndLogin();
    at(base, 6.5 * DAY);
    const r = await call(refreshRoute, "POST", "/v1/auth/refresh", { body: { refreshToken: s.refreshToken } });
    expect(r.status).toBe(200);
    expect(r.body.expiresIn).toBe(base + 7 * DAY);
    at(base, 7 * DAY);
    const late = await call(refreshRoute, "POST", "/v1/auth/refresh", { body: { refreshToken: r.body.refreshToken } });
    expect(late.status).toBe(401);
    const me = await call(getUserRoute, "GET", `/v1/users/${s.userId}`, { token: r.body.accessToken, params: { userId: s.userId } });
    expect(me.status).toBe(401);
  });

  it("keeps each refresh token to its own endpoint", async () => {
    const s = await signupAndLogin();
    const wrong = await call(apiKeyRefreshRoute, "POST", "/v1/auth/api-key/refresh", { body: { refreshToken: s.refreshToken } });
    expect(wrong.status).toBe(401);
    // refused without being spent
    const right = await call(refreshRoute, "POST", "/v1/auth/refresh", { body: { refreshToken: s.refreshToken } });
    expect(right.status).toBe(200);
  });

  it.each([
    ["garbage", "not-a-token"],
    ["an access token", null],
    ["a tampered refresh token", "tampered"],
  ])("refuses %s as a refresh token", async (_name, kind) => {
    const s = await signupAndLogin();
    const refreshToken = kind === null ? s.accessToken : kind === "tampered" ? s.refreshToken.slice(0, -4) + "AAAA" : kind;
    const res = await call(refreshRoute, "POST", "/v1/auth/refresh", { body: { refreshToken } });
    expect(res.status).toBe(401);
  });

  it("answers an unknown e-mail exactly like a wrong password", async () => {
    const s = await signupAndLogin();
    const unknown = await call(loginRoute, "POST", "/v1/auth/login", { body: { email: uniqueEmail("nobody"), password: PASSWORD } });
    const wrong = await call(loginRoute, "POST", "/v1/auth/login", { body: { email: s.email, password: "wrong-password-123" } });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    // e-mails are case-insensitive at login
    const upper = await call(loginRoute, "POST", "/v1/auth/login", { body: { email: s.email.toUpperCase(), password: PASSWORD } });
    expect(upper.status).toBe(200);
    expectNoSecrets(upper.body);
  });

  it("refuses a second account with the same e-mail in any case (409)", async () => {
    const s = await signupAndLogin();
    const res = await call(signupRoute, "POST", "/v1/auth/signup", {
      body: { email: s.email.toUpperCase(), password: PASSWORD, firstName: "A", lastName: "B", orgName: "Other" },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("email_taken");
  });

  const valid = { email: "x@example.test", password: PASSWORD, firstName: "A", lastName: "B", orgName: "Org" };
  it.each([
    [{ ...valid, email: undefined }, 422, "body.email"],
    [{ ...valid, email: "not-an-email" }, 422, "body.email"],
    [{ ...valid, password: "short" }, 422, "body.password"],
    [{ ...valid, password: "x".repeat(129) }, 422, "body.password"],
    [{ ...valid, password: "Password1234" }, 422, "password"],
    [{ ...valid, password: "aaaaaaaaaaaaaa" }, 422, "password"],
    [{ ...valid, firstName: "" }, 422, "body.firstName"],
    [{ ...valid, orgName: "   " }, 422, "body.orgName"],
    [{ ...valid, orgName: 5 }, 422, "body.orgName"],
  ])("validates the signup body (%#) and names the field", async (body, status, field) => {
    const res = await call(signupRoute, "POST", "/v1/auth/signup", { body: { ...body, email: body.email === "x@example.test" ? uniqueEmail() : body.email } });
    expect(res.status).toBe(status);
    expect(res.body.message).toContain(field);
    expect(res.body.details.field).toBe(field);
  });

  it.each([
    [loginRoute, "/v1/auth/login", { email: "nope" }, "body.email"],
    [loginRoute, "/v1/auth/login", { email: "a@example.test" }, "body.password"],
    [refreshRoute, "/v1/auth/refresh", {}, "body.refreshToken"],
  ])("validates %#: names the field", async (handler, path, body, field) => {
    const res = await call(handler, "POST", path, { body });
    expect(res.status).toBe(422);
    expect(res.body.details.field).toBe(field);
  });
});
