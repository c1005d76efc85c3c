import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import type { Session } from "next-auth";
import { authSecret } from "@/lib/auth/secret";
import { authOptions, authorizeCredentials, revokeWebSession } from "@/lib/auth/next-auth";
import { GET as getUser, PUT as putUser } from "@/app/v1/users/[userId]/route";
import { GET as listSessions } from "@/app/v1/auth/sessions/route";
import { POST as resetPassword } from "@/app/v1/users/[userId]/password-reset/route";
import { testDbKind } from "../db";
import { call, makeOrg } from "../helpers";
import { givePassword, PASSWORD, signupAndLogin } from "./helpers";

const DAY = 24 * 60 * 60_000;

async function cookieFor(accessToken: string, sub: string): Promise<string> {
  const jwt = await encode({ token: { sub, accessToken }, secret: authSecret() });
  return `next-auth.session-token=${jwt}`;
}

describe(`web sign-in (${testDbKind()})`, () => {
  it("opens a revocable web session whose cookie the API accepts", async () => {
    const s = await signupAndLogin();
    const user = await authorizeCredentials({ email: s.email.toUpperCase(), password: PASSWORD }, { "user-agent": "Firefox" });
    expect(user).toMatchObject({ id: s.userId, email: s.email, orgId: s.orgId });
    expect(user!.accessToken).toMatch(/^tbat_/);

    const sessions = await call(listSessions, "GET", "/v1/auth/sessions", { token: s.accessToken });
    const web = sessions.body.find((x: { kind: string }) => x.kind === "web");
    expect(web).toMatchObject({ userId: s.userId, userAgent: "Firefox" });
    expect(web.refreshExpiresAt - web.sessionStartedAt).toBe(7 * DAY);

    // next-auth's callbacks keep the access token in the (encrypted) JWT, not in the session
    const options = authOptions();
    const token = await options.callbacks!.jwt!({ token: { sub: s.userId }, user: user!, account: null, trigger: "signIn" });
    expect(token.accessToken).toBe(user!.accessToken);
    const session = (await options.callbacks!.session!({
      session: { user: { email: s.email }, expires: "" } as Session,
      token,
      user: { ...user!, email: s.email, emailVerified: null },
      newSession: undefined,
      trigger: "update",
    })) as Session;
    expect(JSON.stringify(session)).not.toContain(user!.accessToken);

    const cookie = await cookieFor(user!.accessToken, s.userId);
    const me = () => call(getUser, "GET", `/v1/users/${s.userId}`, { params: { userId: s.userId }, headers: { cookie } });
    expect((await me()).status).toBe(200);
    // a web session writes through the same handlers
    const put = await call(putUser, "PUT", `/v1/users/${s.userId}`, { params: { userId: s.userId }, headers: { cookie, origin: "http://localhost:3000" }, body: { firstName: "Web" } });
    expect(put.body.firstName).toBe("Web");

    // sign-out revokes the server session: the cookie stops working at once
    await options.events!.signOut!({ token, session: undefined as never });
    expect((await me()).status).toBe(401);
  });

  it("refuses a wrong password, an unknown e-mail and a deactivated user alike", async () => {
    const org = await makeOrg();
    await givePassword(org.id, org.member.id);
    expect(await authorizeCredentials({ email: org.member.email, password: "wrong-password-42" })).toBeNull();
    expect(await authorizeCredentials({ email: "nobody@example.test", password: PASSWORD })).toBeNull();
    expect(await authorizeCredentials({ email: "not an e-mail", password: PASSWORD })).toBeNull();
    expect(await authorizeCredentials(undefined)).toBeNull();

    const user = await authorizeCredentials({ email: org.member.email, password: PASSWORD });
    const cookie = await cookieFor(user!.accessToken, org.member.id);
    await call(putUser, "PUT", `/v1/users/${org.member.id}`, { token: org.admin.token, params: { userId: org.member.id }, body: { active: false } });
    expect(await authorizeCredentials({ email: org.member.email, password: PASSWORD })).toBeNull();
    const me = await call(getUser, "GET", `/v1/users/${org.member.id}`, { params: { userId: org.member.id }, headers: { cookie } });
    expect(me.status).toBe(401);
  });

  it("reports an expired password so the form can say so", async () => {
    const org = await makeOrg();
    await givePassword(org.id, org.member.id);
    await call(resetPassword, "POST", `/v1/users/${org.member.id}/password-reset`, {
      token: org.admin.token,
      params: { userId: org.member.id },
      body: { expiresAt: "2000-01-01T00:00:00Z" },
    });
    await expect(authorizeCredentials({ email: org.member.email, password: PASSWORD })).rejects.toThrow("password_expired");
  });

  it("ignores a sign-out without a server session, and a forged cookie", async () => {
    const org = await makeOrg();
    await revokeWebSession({});
    await revokeWebSession({ accessToken: "tbat_forged" });
    await revokeWebSession({ accessToken: org.member.token.slice(0, -4) + "AAAA" });
    expect((await call(getUser, "GET", `/v1/users/${org.member.id}`, { token: org.member.token, params: { userId: org.member.id } })).status).toBe(200);
    const forged = await call(getUser, "GET", `/v1/users/${org.member.id}`, {
      params: { userId: org.member.id },
      headers: { cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged" },
    });
    expect(forged.status).toBe(401);
  });
});
