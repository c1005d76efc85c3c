import { describe, expect, it } from "vitest";
import { POST as createInvitation } from "@/app/v1/invitations/route";
import { POST as createUser } from "@/app/v1/users/route";
import { authorizeCredentials } from "@/lib/auth/next-auth";
import { appOrigin, clientAddress } from "@/lib/http/origin";
import { parseEnv } from "@/base/env";
import { MAX_FAILURES } from "@/lib/services/platform";
import { testDbKind } from "../db";
import { call, makeOrg } from "../helpers";
import { ago, form, patternImage, upload } from "../screenshots/helpers";

const req = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

describe("clientAddress and appOrigin (one decision for every caller)", () => {
  it("takes the Nth X-Forwarded-For entry from the right (TRUSTED_PROXY_COUNT, default 1)", () => {
    const r = req("http://app/", { "x-forwarded-for": "6.6.6.6, 10.0.0.1, 203.0.113.9" });
    expect(clientAddress(r)).toBe("203.0.113.9");
    expect(clientAddress(r, 1)).toBe("203.0.113.9");
    expect(clientAddress(r, 2)).toBe("10.0.0.1");
    expect(clientAddress(r, 0)).toBeNull();
    expect(clientAddress(req("http://app/", { "x-forwarded-for": "203.0.113.9" }), 3)).toBe("203.0.113.9");
    expect(clientAddress(req("http://app/"))).toBeNull();
  });

  it("validates TRUSTED_PROXY_COUNT", () => {
    expect(parseEnv({}).TRUSTED_PROXY_COUNT).toBe(1);
    expect(parseEnv({ TRUSTED_PROXY_COUNT: "0" }).TRUSTED_PROXY_COUNT).toBe(0);
    expect(() => parseEnv({ TRUSTED_PROXY_COUNT: "-1" })).toThrow(/TRUSTED_PROXY_COUNT/);
    expect(() => parseEnv({ TRUSTED_PROXY_COUNT: "two" })).toThrow(/TRUSTED_PROXY_COUNT/);
  });

  it("uses APP_URL's origin when set, else the request's own, with forwarded host and proto only behind a trusted proxy", () => {
    const fwd = req("http://127.0.0.1:4555/v1/x", { "x-forwarded-host": "time.example.com", "x-forwarded-proto": "https" });
    expect(appOrigin(fwd, "https://app.example.org/base")).toBe("https://app.example.org");
    expect(appOrigin(fwd, undefined, 1)).toBe("https://time.example.com");
    expect(appOrigin(fwd, undefined, 0)).toBe("http://127.0.0.1:4555");
    expect(appOrigin(req("http://127.0.0.1:4555/v1/x", { "x-forwarded-host": "bad host/" }), undefined, 1)).toBe("http://127.0.0.1:4555");
  });
});

describe(`absolute links follow the request's origin when APP_URL is unset (${testDbKind()})`, () => {
  it("invitation, set-password and screenshot links point at the server that answered", async () => {
    const org = await makeOrg();
    const inv = await call(createInvitation, "POST", "http://127.0.0.1:4555/v1/invitations", { token: org.admin.token, body: { email: "port@example.test" } });
    expect(inv.status).toBe(201);
    expect(inv.body.invitation.link).toMatch(/^http:\/\/127\.0\.0\.1:4555\/invite\//);
    const user = await call(createUser, "POST", "http://127.0.0.1:4555/v1/users", {
      token: org.admin.token,
      body: { email: "port-user@example.test", firstName: "P", lastName: "U", role: "member" },
      headers: { "x-forwarded-host": "time.example.com", "x-forwarded-proto": "https" },
    });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    expect(user.body.setPasswordUrl).toMatch(/^https:\/\/time\.example\.com\/set-password\?token=/);
    const shot = await call(upload, "POST", "http://127.0.0.1:4555/api/timesheet/screenshot", {
      token: org.member.token,
      rawBody: form({ file: await patternImage(), recordedAt: ago(5) }),
    });
    expect(shot.status, JSON.stringify(shot.body)).toBe(201);
    expect(shot.body.file).toMatch(/^http:\/\/127\.0\.0\.1:4555\/api\/timesheet\/screenshot\/.+\/file$/);
    expect(shot.body.thumb).toMatch(/^http:\/\/127\.0\.0\.1:4555\//);
  });
});

describe(`web sign-in counts the proxy's address, like /v1/auth/login (${testDbKind()})`, () => {
  it("locks an address that rotates the client-written first X-Forwarded-For entry", async () => {
    const org = await makeOrg();
    for (let i = 0; i < MAX_FAILURES.address; i++) {
      const headers = { "x-forwarded-for": `10.1.${i >> 8}.${i & 255}, 203.0.113.150` };
      expect(await authorizeCredentials({ email: `nobody-${i}@example.test`, password: "wrong-password-123" }, headers)).toBeNull();
    }
    await expect(authorizeCredentials({ email: org.admin.email, password: "wrong-password-123" }, { "x-forwarded-for": "10.9.9.9, 203.0.113.150" })).rejects.toMatchObject({
      code: "rate_limited",
    });
  }, 240_000);
});
