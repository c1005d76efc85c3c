import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/base/env";
import { GET as getOrgRoute } from "@/app/v1/orgs/[orgId]/route";
import { PUT as updateUserRoute } from "@/app/v1/users/[userId]/route";
import { superuserCommand } from "@/scripts/superuser";
import { testDbKind } from "../db";
import { call, db, makeOrg } from "../helpers";
import { signupAndLogin, uniqueEmail } from "./helpers";

const saved = { emails: process.env.SUPER_USER_EMAILS, ids: process.env.SUPER_USER_IDS };
function setEnv(name: "SUPER_USER_EMAILS" | "SUPER_USER_IDS", value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  resetEnvCache();
}
afterEach(() => {
  setEnv("SUPER_USER_EMAILS", saved.emails);
  setEnv("SUPER_USER_IDS", saved.ids);
});

/** Whether the token reads another organisation (super users only; others get 404). */
async function readsOtherOrg(token: string): Promise<boolean> {
  const other = await makeOrg();
  const res = await call(getOrgRoute, "GET", `/v1/orgs/${other.id}`, { token, params: { orgId: other.id } });
  expect([200, 404]).toContain(res.status);
  return res.status === 200;
}

describe(`super users (${testDbKind()})`, () => {
  it("signing up with an address of SUPER_USER_EMAILS grants nothing", async () => {
    const email = uniqueEmail("root");
    setEnv("SUPER_USER_EMAILS", email);
    const s = await signupAndLogin({ email });
    expect(await readsOtherOrg(s.accessToken)).toBe(false);
  });

  it("an admin renaming their e-mail to a listed address gains nothing", async () => {
    const listed = uniqueEmail("root");
    setEnv("SUPER_USER_EMAILS", listed);
    const s = await signupAndLogin();
    const renamed = await call(updateUserRoute, "PUT", `/v1/users/${s.userId}`, { token: s.accessToken, params: { userId: s.userId }, body: { email: listed } });
    expect(renamed.status).toBe(200);
    expect(await readsOtherOrg(s.accessToken)).toBe(false);
  });

  it("npm run superuser grants and revokes by an existing e-mail; an unknown e-mail is refused with exit code 1", async () => {
    const s = await signupAndLogin();
    const d = await db();
    const granted = await superuserCommand(d, ["grant", s.email.toUpperCase()]);
    expect(granted.code).toBe(0);
    expect(await readsOtherOrg(s.accessToken)).toBe(true);
    const list = await superuserCommand(d, ["list"]);
    expect(list.lines.join("\n")).toContain(s.userId);
    // changing the e-mail keeps the privilege: it belongs to the account
    const renamed = await call(updateUserRoute, "PUT", `/v1/users/${s.userId}`, { token: s.accessToken, params: { userId: s.userId }, body: { email: uniqueEmail("moved") } });
    expect(renamed.status).toBe(200);
    expect(await readsOtherOrg(s.accessToken)).toBe(true);
    expect((await superuserCommand(d, ["revoke", renamed.body.email])).code).toBe(0);
    expect(await readsOtherOrg(s.accessToken)).toBe(false);
    const unknown = await superuserCommand(d, ["grant", uniqueEmail("nobody")]);
    expect(unknown.code).toBe(1);
    expect((await superuserCommand(d, ["promote", s.email])).code).toBe(2);
  });

  it("SUPER_USER_IDS designates a user by id", async () => {
    const s = await signupAndLogin();
    expect(await readsOtherOrg(s.accessToken)).toBe(false);
    setEnv("SUPER_USER_IDS", `  ${s.userId} ,`);
    expect(await readsOtherOrg(s.accessToken)).toBe(true);
  });
});
