import { afterEach, describe, expect, it } from "vitest";
import { setClock } from "@/base/clock";
import { GET as listInvitations, POST as createInvitation } from "@/app/v1/invitations/route";
import { DELETE as deleteInvitation, GET as getInvitation } from "@/app/v1/invitations/[invId]/route";
import { POST as invitationSignup } from "@/app/v1/auth/invitations/[invId]/signup/route";
import { testDbKind } from "../db";
import { call, makeOrg, type TestOrg } from "../helpers";
import { expectNoSecrets, login, PASSWORD, tokenOf, uniqueEmail } from "./helpers";

const DAY = 24 * 60 * 60_000;

afterEach(() => setClock(null));

async function invite(org: TestOrg, body: Record<string, unknown>) {
  const res = await call(createInvitation, "POST", "/v1/invitations", { token: org.admin.token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.invitation as { id: string; email: string; role: string; expiresAt: string; link: string };
}

function signup(invId: string, body: Record<string, unknown>) {
  return call(invitationSignup, "POST", `/v1/auth/invitations/${invId}/signup`, { params: { invId }, body });
}

describe(`invitations (${testDbKind()})`, () => {
  it("invites, lists, signs up through the link with the invited role, and is spent", async () => {
    const base = Date.parse("2026-05-04T12:00:00Z");
    setClock(() => new Date(base));
    const org = await makeOrg();
    const email = uniqueEmail("Invitee");
    const created = await call(createInvitation, "POST", "/v1/invitations", { token: org.admin.token, body: { email: email.toUpperCase(), role: "admin" } });
    expect(created.status).toBe(201);
    expect(created.body.message).toBe("Invitation successfully created");
    const inv = created.body.invitation;
    expect(inv).toMatchObject({ email: email.toLowerCase(), role: "admin", expiresAt: new Date(base + DAY).toISOString() });
    expect(inv.link).toContain(`/invite/${inv.id}?token=tbin_`);
    expectNoSecrets(created.body);

    const list = await call(listInvitations, "GET", "/v1/invitations", { token: org.admin.token });
    expect(list.status).toBe(200);
    expect(list.body.map((i: { id: string }) => i.id)).toEqual([inv.id]);
    expectNoSecrets(list.body, tokenOf(inv.link));
    const one = await call(getInvitation, "GET", `/v1/invitations/${inv.id}`, { token: org.admin.token, params: { invId: inv.id } });
    expect(one.status).toBe(200);
    expect(Object.keys(one.body)).toEqual(expect.arrayContaining(["id", "email", "expiresAt", "createdAt", "updatedAt"]));

    const token = tokenOf(inv.link);
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ token, email: uniqueEmail("someone-else"), password: PASSWORD }, 422, "body.email"],
      [{ token, email, password: PASSWORD, role: "member" }, 422, "body.role"],
      [{ token, email, password: "short" }, 422, "body.password"],
      [{ email, password: PASSWORD }, 422, "body.token"],
    ];
    for (const [body, status, field] of cases) {
      const res = await signup(inv.id, body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.details.field).toBe(field);
    }

    const ok = await signup(inv.id, { token, email, password: PASSWORD, firstName: "John", lastName: "Doe", role: "admin" });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ firstName: "John", lastName: "Doe", email: email.toLowerCase(), role: "admin" });
    expectNoSecrets(ok.body, PASSWORD, token);
    await login(email, PASSWORD);

    // the invitation is gone: the link and the id answer 404
    const again = await signup(inv.id, { token, email, password: PASSWORD });
    expect(again.status).toBe(404);
    const gone = await call(getInvitation, "GET", `/v1/invitations/${inv.id}`, { token: org.admin.token, params: { invId: inv.id } });
    expect(gone.status).toBe(404);
  });

  it("defaults to the member role", async () => {
    const org = await makeOrg();
    const email = uniqueEmail();
    const inv = await invite(org, { email });
    expect(inv.role).toBe("member");
    const ok = await signup(inv.id, { token: tokenOf(inv.link), email, password: PASSWORD, firstName: "M", lastName: "M" });
    expect(ok.status).toBe(201);
    expect(ok.body.role).toBe("member");
  });

  it("expires after one day (410)", async () => {
    const base = Date.parse("2026-05-05T12:00:00Z");
    setClock(() => new Date(base));
    const org = await makeOrg();
    const email = uniqueEmail();
    const inv = await invite(org, { email });
    setClock(() => new Date(base + DAY - 1));
    expect((await signup(inv.id, { token: tokenOf(inv.link), email: "wrong@example.test", password: PASSWORD })).status).toBe(422);
    setClock(() => new Date(base + DAY));
    const late = await signup(inv.id, { token: tokenOf(inv.link), email, password: PASSWORD });
    expect(late.status).toBe(410);
    expect(late.body.code).toBe("gone");
  });

  it("answers 404 for a deleted invitation, a replaced link, a wrong token or another id", async () => {
    const org = await makeOrg();
    const email = uniqueEmail();
    const first = await invite(org, { email });
    const second = await invite(org, { email }); // re-inviting replaces the first link
    expect((await signup(first.id, { token: tokenOf(first.link), email, password: PASSWORD })).status).toBe(404);

    const other = await invite(org, { email: uniqueEmail() });
    expect((await signup(other.id, { token: tokenOf(second.link), email, password: PASSWORD })).status).toBe(404);
    const tampered = tokenOf(second.link).slice(0, -4) + "AAAA";
    expect((await signup(second.id, { token: tampered, email, password: PASSWORD })).status).toBe(404);

    const del = await call(deleteInvitation, "DELETE", `/v1/invitations/${second.id}`, { token: org.admin.token, params: { invId: second.id } });
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ message: "Invitation deleted" });
    expect((await signup(second.id, { token: tokenOf(second.link), email, password: PASSWORD })).status).toBe(404);
    const delAgain = await call(deleteInvitation, "DELETE", `/v1/invitations/${second.id}`, { token: org.admin.token, params: { invId: second.id } });
    expect(delAgain.status).toBe(404);
  });

  it("refuses to invite a registered e-mail (409), in any case", async () => {
    const org = await makeOrg();
    const res = await call(createInvitation, "POST", "/v1/invitations", { token: org.admin.token, body: { email: org.member.email.toUpperCase() } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("email_taken");
  });

  it("refuses the signup when the address was registered meanwhile (409)", async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    const email = uniqueEmail();
    const invA = await invite(a, { email });
    const invB = await invite(b, { email });
    expect((await signup(invA.id, { token: tokenOf(invA.link), email, password: PASSWORD })).status).toBe(201);
    const second = await signup(invB.id, { token: tokenOf(invB.link), email, password: PASSWORD });
    expect(second.status).toBe(409);
  });

  it("keeps invitations inside their organisation (404)", async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    const inv = await invite(a, { email: uniqueEmail() });
    const get = await call(getInvitation, "GET", `/v1/invitations/${inv.id}`, { token: b.admin.token, params: { invId: inv.id } });
    expect(get.status).toBe(404);
    const del = await call(deleteInvitation, "DELETE", `/v1/invitations/${inv.id}`, { token: b.admin.token, params: { invId: inv.id } });
    expect(del.status).toBe(404);
    const list = await call(listInvitations, "GET", "/v1/invitations", { token: b.admin.token });
    expect(list.body).toEqual([]);
    // still there for its own organisation
    const own = await call(getInvitation, "GET", `/v1/invitations/${inv.id}`, { token: a.admin.token, params: { invId: inv.id } });
    expect(own.status).toBe(200);
  });

  it.each([
    [{}, "body.email"],
    [{ email: "nope" }, "body.email"],
    [{ email: "a@example.test", role: "owner" }, "body.role"],
  ])("validates the invitation body (%#)", async (body, field) => {
    const org = await makeOrg();
    const res = await call(createInvitation, "POST", "/v1/invitations", { token: org.admin.token, body });
    expect(res.status).toBe(422);
    expect(res.body.details.field).toBe(field);
  });
});
