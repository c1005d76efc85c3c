import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/v1/auth/login/route";
import { POST as apiKeyLogin } from "@/app/v1/auth/api-key/login/route";
import { POST as signupRoute } from "@/app/v1/auth/signup/route";
import { MAX_FAILURES } from "@/lib/services/platform";
import { testDbKind } from "../db";
import { call } from "../helpers";

const password = "a-long-enough-passphrase-42";

async function signup(tag: string) {
  const email = `throttle-${tag}-${Date.now()}@example.test`;
  const res = await call(signupRoute, "POST", "/v1/auth/signup", { body: { email, firstName: "T", lastName: "T", password, orgName: `Org ${tag}` } });
  expect(res.status).toBe(201);
  return email;
}

describe(`sign-in throttling (${testDbKind()})`, () => {
  it("answers an unknown e-mail and a wrong password alike, then 429 with Retry-After per account", async () => {
    const email = await signup("a");
    const headers = { "x-forwarded-for": "203.0.113.7" };
    const unknown = await call(login, "POST", "/v1/auth/login", { body: { email: `nobody-${email}`, password: "wrong-password-123" }, headers });
    const wrong = await call(login, "POST", "/v1/auth/login", { body: { email, password: "wrong-password-123" }, headers });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    for (let i = 1; i < MAX_FAILURES.account; i++) {
      await call(login, "POST", "/v1/auth/login", { body: { email, password: "wrong-password-123" }, headers: { "x-forwarded-for": `198.51.100.${i}` } });
    }
    const locked = await call(login, "POST", "/v1/auth/login", { body: { email, password }, headers: { "x-forwarded-for": "192.0.2.99" } });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(locked.headers.get("retry-after"))).toBeLessThanOrEqual(15 * 60);
  });

  it("copes with an oversized forwarded address (401, not a server error)", async () => {
    const email = await signup("long");
    const headers = { "x-forwarded-for": randomBytes(4000).toString("hex") };
    const res = await call(login, "POST", "/v1/auth/login", { body: { email, password: "wrong-password-123" }, headers });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("invalid_credentials");
  });

  it("counts the address the proxy appended, not the ones a client wrote before it", async () => {
    const proxied = "203.0.113.77";
    let last = 0;
    for (let i = 0; i < MAX_FAILURES.address + 1; i++) {
      // a fresh forged first entry each time: the throttle still sees one address
      const headers = { "x-forwarded-for": `10.0.${i >> 8}.${i & 255}, ${proxied}` };
      last = (await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: `tb_forge${i}` }, headers })).status;
    }
    expect(last).toBe(429);
  });

  it("throttles API-key guessing per address", async () => {
    const headers = { "x-forwarded-for": "203.0.113.200" };
    let last = 0;
    for (let i = 0; i < MAX_FAILURES.address + 1; i++) {
      last = (await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: `tb_guess${i}` }, headers })).status;
    }
    expect(last).toBe(429);
  });
});
