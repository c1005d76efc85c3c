import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as signupRoute } from "@/app/v1/auth/signup/route";
import { POST as loginRoute } from "@/app/v1/auth/login/route";
import { POST as refreshRoute } from "@/app/v1/auth/refresh/route";
import { POST as createKey } from "@/app/v1/api-keys/route";
import { POST as keyLogin } from "@/app/v1/auth/api-key/login/route";
import { POST as createInvitation } from "@/app/v1/invitations/route";
import { POST as invitationSignup } from "@/app/v1/auth/invitations/[invId]/signup/route";
import { POST as createUser } from "@/app/v1/users/route";
import { POST as setPassword } from "@/app/v1/auth/set-password/route";
import { POST as resetPassword } from "@/app/v1/users/[userId]/password-reset/route";
import { redactSecrets } from "@/lib/http/log";
import { testDbKind } from "../db";
import { call } from "../helpers";

// Set-password and invitation links (tokens included) were written to the server log at the
// default level. A full account flow at LOG_LEVEL=debug must log no token of any kind.
const TOKENS = /\btb(?:sp|rt|at|in)?_[A-Za-z0-9_-]{8,}/;
const password = "a-long-enough-passphrase-42";

describe(`no secret in the server log (${testDbKind()})`, () => {
  const written: string[] = [];
  let restore: () => void;
  beforeAll(async () => {
    process.env.LOG_LEVEL = "debug";
    const { env } = await import("@/base/env");
    const e = env() as { LOG_LEVEL: string };
    const was = e.LOG_LEVEL;
    e.LOG_LEVEL = "debug";
    const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    restore = () => {
      out.mockRestore();
      err.mockRestore();
      e.LOG_LEVEL = was;
    };
  });
  afterAll(() => restore());

  it("signup, login, refresh, API key, invitation, set-password link: nothing logged carries a token", async () => {
    const email = `logs-${Date.now()}@example.test`;
    const up = await call(signupRoute, "POST", "/v1/auth/signup", { body: { email, firstName: "L", lastName: "G", password, orgName: "Logs" } });
    expect(up.status).toBe(201);
    const tokens = await call(loginRoute, "POST", "/v1/auth/login", { body: { email, password } });
    expect(tokens.status).toBe(200);
    const refreshed = await call(refreshRoute, "POST", "/v1/auth/refresh", { body: { refreshToken: tokens.body.refreshToken } });
    expect(refreshed.status).toBe(200);
    const admin = refreshed.body.accessToken as string;
    const key = await call(createKey, "POST", "/v1/api-keys", { token: admin, body: { name: "agent" } });
    expect(key.status).toBe(201);
    expect((await call(keyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: key.body.apiKey } })).status).toBe(200);
    const inviteEmail = `logs-inv-${Date.now()}@example.test`;
    const inv = await call(createInvitation, "POST", "/v1/invitations", { token: admin, body: { email: inviteEmail } });
    expect(inv.status).toBe(201);
    const invToken = new URL(inv.body.invitation.link).searchParams.get("token");
    const joined = await call(invitationSignup, "POST", `/v1/auth/invitations/${inv.body.invitation.id}/signup`, {
      params: { invId: inv.body.invitation.id },
      body: { token: invToken, email: inviteEmail, firstName: "I", lastName: "N", password },
    });
    expect(joined.status, JSON.stringify(joined.body)).toBe(201);
    const user = await call(createUser, "POST", "/v1/users", { token: admin, body: { email: `logs-u-${Date.now()}@example.test`, role: "member" } });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    const set = await call(setPassword, "POST", "/v1/auth/set-password", { body: { token: new URL(user.body.setPasswordUrl).searchParams.get("token"), password } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const reset = await call(resetPassword, "POST", `/v1/users/${user.body.id}/password-reset`, { token: admin, params: { userId: user.body.id }, body: { expiresAt: new Date(Date.now() + 86_400_000).toISOString() } });
    expect(reset.status, JSON.stringify(reset.body)).toBeLessThan(300);

    const log = written.join("");
    expect(log).toContain('"msg":"mail'); // the flow did log (the capture works)
    expect(log).not.toMatch(TOKENS);
  });

  it("redacts a token that reaches the logger anyway", () => {
    const line = redactSecrets('{"error":"bad tbsp_AAAAAAAAAAAAAAAAAAAA and tb_abcdefghijklmnop-_x"}');
    expect(line).not.toMatch(TOKENS);
    expect(line).toContain("tbsp_[redacted]");
  });
});
