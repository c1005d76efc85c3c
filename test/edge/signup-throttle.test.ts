import { describe, expect, it } from "vitest";
import { POST as signupRoute } from "@/app/v1/auth/signup/route";
import { POST as invitationSignup } from "@/app/v1/auth/invitations/[invId]/signup/route";
import { POST as createInvitation } from "@/app/v1/invitations/route";
import { MAX_FAILURES } from "@/lib/services/platform";
import { testDbKind } from "../db";
import { call, makeOrg } from "../helpers";

const password = "a-long-enough-passphrase-42";
const signup = (email: string, ip: string) =>
  call(signupRoute, "POST", "/v1/auth/signup", { body: { email, firstName: "T", lastName: "T", password, orgName: "Org" }, headers: { "x-forwarded-for": ip } });

// The 409 for a registered e-mail stays (the seed's signup flow needs it), but it cannot be
// used to test addresses at speed: 429 with Retry-After per e-mail and per address.
describe(`sign-up throttling (${testDbKind()})`, () => {
  it("locks an e-mail after repeated 409s, whatever the address", async () => {
    const email = `taken-${Date.now()}@example.test`;
    expect((await signup(email, "203.0.113.10")).status).toBe(201);
    for (let i = 0; i < MAX_FAILURES.account; i++) {
      const res = await signup(email, `198.51.100.${i + 1}`);
      expect(res.status).toBe(409);
    }
    const locked = await signup(email, "192.0.2.77");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("locks an address that keeps hitting registered e-mails (a new address still signs up)", async () => {
    // spread over enough e-mails that no single e-mail reaches its own (lower) limit first
    const orgs = [await makeOrg(), await makeOrg()];
    const ip = "203.0.113.66";
    const known = orgs.flatMap((o) => [o.admin.email, o.manager.email, o.member.email, o.outsider.email]);
    for (let i = 0; i < MAX_FAILURES.address; i++) expect((await signup(known[i % known.length]!, ip)).status).toBe(409);
    const locked = await signup(`fresh-${Date.now()}@example.test`, ip);
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toBeTruthy();
    expect((await signup(`fresh2-${Date.now()}@example.test`, "203.0.113.67")).status).toBe(201);
  });

  it("throttles invitation sign-up by e-mail too", async () => {
    const org = await makeOrg();
    const inv = await call(createInvitation, "POST", "/v1/invitations", { token: org.admin.token, body: { email: `inv-${Date.now()}@example.test` } });
    expect(inv.status).toBe(201);
    const token = new URL(inv.body.invitation.link).searchParams.get("token")!;
    const id = inv.body.invitation.id as string;
    // the invited e-mail is registered meanwhile (another org's signup), so every attempt is a 409
    expect((await signup(inv.body.invitation.email, "203.0.113.90")).status).toBe(201);
    const attempt = (ip: string) =>
      call(invitationSignup, "POST", `/v1/auth/invitations/${id}/signup`, {
        params: { invId: id },
        body: { token, email: inv.body.invitation.email, firstName: "I", lastName: "I", password },
        headers: { "x-forwarded-for": ip },
      });
    let last = await attempt("198.51.100.200");
    for (let i = 0; i < MAX_FAILURES.account && last.status === 409; i++) last = await attempt(`198.51.100.${201 + i}`);
    expect(last.status).toBe(429);
    expect(last.headers.get("retry-after")).toBeTruthy();
  });
});
