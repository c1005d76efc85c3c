import { describe, expect, it } from "vitest";
import { POST as createInvitation, GET as listInvitations } from "@/app/v1/invitations/route";
import { POST as timerStart } from "@/app/api/timesheet/timer/start/route";
import { createSession } from "@/lib/services/accounts";
import { testDbKind } from "../db";
import { call, db, makeOrg } from "../helpers";
import { webCookie } from "../hardening/kit";

// The review's attack: a page on another port of the same host makes a signed-in admin's
// browser POST to the API with the session cookie (text/plain, or no Origin check at all).
const APP = "http://localhost:3000";

async function admin() {
  const org = await makeOrg();
  const web = await createSession(await db(), { orgId: org.id, userId: org.admin.id, kind: "web" });
  return { org, cookie: await webCookie(web.accessToken, org.admin.id) };
}

const invite = (cookie: string, headers: Record<string, string>, raw?: string) =>
  call(createInvitation, "POST", "/v1/invitations", {
    headers: { cookie, ...headers },
    ...(raw === undefined ? { body: { email: `x-${Math.random().toString(36).slice(2)}@example.test`, role: "admin" } } : { rawBody: raw }),
  });

describe(`CSRF: cookie-authenticated writes (${testDbKind()})`, () => {
  it("refuses a cookie request without Origin (403 csrf_rejected) and creates nothing", async () => {
    const { cookie, org } = await admin();
    const res = await invite(cookie, {});
    expect(res.status).toBe(403);
    expect(res.body.code ?? res.body.error?.code).toBe("csrf_rejected");
    const list = await call(listInvitations, "GET", "/v1/invitations", { token: org.admin.token });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain("@example.test");
  });

  it("refuses a foreign Origin: same host, another port (403)", async () => {
    const { cookie } = await admin();
    expect((await invite(cookie, { origin: "http://localhost:4000" })).status).toBe(403);
    expect((await invite(cookie, { origin: "null" })).status).toBe(403);
    expect((await invite(cookie, { "sec-fetch-site": "same-site" })).status).toBe(403);
  });

  it("refuses a text/plain body even from the app's own origin (415), and never reads it as JSON", async () => {
    const { cookie } = await admin();
    const body = JSON.stringify({ email: "plain@example.test", role: "admin" });
    const res = await invite(cookie, { origin: APP, "content-type": "text/plain" }, body);
    expect(res.status).toBe(415);
    expect(res.body.code).toBe("unsupported_media_type");
  });

  it("accepts the app's own pages: same Origin (or Sec-Fetch-Site same-origin) with JSON", async () => {
    const { cookie } = await admin();
    const a = await invite(cookie, { origin: APP });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body.invitation.link.startsWith(`${APP}/invite/`)).toBe(true);
    expect((await invite(cookie, { "sec-fetch-site": "same-origin" })).status).toBe(201);
  });

  it("accepts a body-less cookie POST from the app's origin, refuses it cross-site", async () => {
    const org = await makeOrg();
    const web = await createSession(await db(), { orgId: org.id, userId: org.member.id, kind: "web" });
    const cookie = await webCookie(web.accessToken, org.member.id);
    const cross = await call(timerStart, "POST", "/api/timesheet/timer/start", { headers: { cookie, origin: "http://127.0.0.1:9999" } });
    expect(cross.status).toBe(403);
    const own = await call(timerStart, "POST", "/api/timesheet/timer/start", { headers: { cookie, origin: APP }, body: {} });
    expect(own.status, JSON.stringify(own.body)).toBeLessThan(300);
  });

  it("leaves bearer requests alone: no Origin needed", async () => {
    const { org } = await admin();
    const res = await call(createInvitation, "POST", "/v1/invitations", { token: org.admin.token, body: { email: "bearer@example.test" } });
    expect(res.status).toBe(201);
  });
});
