import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSession } from "@/lib/services/accounts";
import type { RouteHandler } from "@/lib/http/handler";
import { GET as listSessions } from "@/app/v1/auth/sessions/route";
import { DELETE as revokeSession } from "@/app/v1/auth/sessions/[sessionId]/route";
import { GET as getOrg, PUT as putOrg } from "@/app/v1/orgs/[orgId]/route";
import { GET as listUsers, POST as createUser } from "@/app/v1/users/route";
import { GET as getUser, PUT as putUser } from "@/app/v1/users/[userId]/route";
import { PUT as putPassword } from "@/app/v1/users/[userId]/password/route";
import { POST as resetPassword } from "@/app/v1/users/[userId]/password-reset/route";
import { GET as listKeys, POST as createKey } from "@/app/v1/api-keys/route";
import { DELETE as deleteKey, GET as getKey } from "@/app/v1/api-keys/[apiKeyId]/route";
import { POST as rotateKey } from "@/app/v1/api-keys/[apiKeyId]/rotate/route";
import { GET as listInvitations, POST as createInvitation } from "@/app/v1/invitations/route";
import { DELETE as deleteInvitation, GET as getInvitation } from "@/app/v1/invitations/[invId]/route";
import { GET as listTeams, POST as createTeam } from "@/app/v1/teams/route";
import { DELETE as deleteTeam, GET as getTeam, PUT as putTeam } from "@/app/v1/teams/[teamId]/route";
import { DELETE as removeMember, PUT as putMember } from "@/app/v1/teams/[teamId]/members/[userId]/route";
import { testDbKind } from "../db";
import { call, db, makeOrg, type TestOrg } from "../helpers";
import { expectNoSecrets, uniqueEmail } from "./helpers";

type Role = "admin" | "manager" | "member" | "outsider";

interface Fixture {
  org: TestOrg;
  sessionId: string;
  invId: string;
  apiKeyId: string;
}

async function fixture(): Promise<Fixture> {
  const org = await makeOrg();
  const d = await db();
  const { sessionId } = await createSession(d, { orgId: org.id, userId: org.outsider.id, kind: "password" });
  const inv = await call(createInvitation, "POST", "/v1/invitations", { token: org.admin.token, body: { email: uniqueEmail() } });
  const key = await call(createKey, "POST", "/v1/api-keys", { token: org.outsider.token, body: { name: "outsider's" } });
  return { org, sessionId, invId: inv.body.invitation.id, apiKeyId: key.body.info.id };
}

interface Case {
  name: string;
  handler: RouteHandler;
  method: string;
  path: (f: Fixture) => string;
  params?: (f: Fixture) => Record<string, string>;
  body?: (f: Fixture) => unknown;
  expect: Record<Role, number>;
}

const ADMIN_ONLY = (ok: number) => ({ admin: ok, manager: 403, member: 403, outsider: 403 });
const EVERYONE = (ok: number) => ({ admin: ok, manager: ok, member: ok, outsider: ok });

const cases: Case[] = [
  { name: "GET /v1/auth/sessions", handler: listSessions, method: "GET", path: () => "/v1/auth/sessions", expect: ADMIN_ONLY(200) },
  {
    name: "DELETE /v1/auth/sessions/{id}",
    handler: revokeSession,
    method: "DELETE",
    path: (f) => `/v1/auth/sessions/${f.sessionId}`,
    params: (f) => ({ sessionId: f.sessionId }),
    expect: ADMIN_ONLY(200),
  },
  { name: "GET /v1/orgs/{id}", handler: getOrg, method: "GET", path: (f) => `/v1/orgs/${f.org.id}`, params: (f) => ({ orgId: f.org.id }), expect: EVERYONE(200) },
  {
    name: "PUT /v1/orgs/{id}",
    handler: putOrg,
    method: "PUT",
    path: (f) => `/v1/orgs/${f.org.id}`,
    params: (f) => ({ orgId: f.org.id }),
    body: () => ({ name: "Renamed", description: "456 New Address Rd" }),
    expect: ADMIN_ONLY(200),
  },
  { name: "GET /v1/users", handler: listUsers, method: "GET", path: () => "/v1/users", expect: EVERYONE(200) },
  { name: "POST /v1/users", handler: createUser, method: "POST", path: () => "/v1/users", body: () => ({ email: uniqueEmail(), role: "member" }), expect: ADMIN_ONLY(201) },
  {
    name: "GET /v1/users/{member}",
    handler: getUser,
    method: "GET",
    path: (f) => `/v1/users/${f.org.member.id}`,
    params: (f) => ({ userId: f.org.member.id }),
    expect: { admin: 200, manager: 200, member: 200, outsider: 403 },
  },
  {
    name: "PUT /v1/users/{member} (names)",
    handler: putUser,
    method: "PUT",
    path: (f) => `/v1/users/${f.org.member.id}`,
    params: (f) => ({ userId: f.org.member.id }),
    body: () => ({ firstName: "Renamed" }),
    expect: { admin: 200, manager: 403, member: 200, outsider: 403 },
  },
  {
    name: "PUT /v1/users/{member} (role)",
    handler: putUser,
    method: "PUT",
    path: (f) => `/v1/users/${f.org.member.id}`,
    params: (f) => ({ userId: f.org.member.id }),
    body: () => ({ role: "admin" }),
    expect: ADMIN_ONLY(200),
  },
  {
    name: "PUT /v1/users/{member}/password",
    handler: putPassword,
    method: "PUT",
    path: (f) => `/v1/users/${f.org.member.id}/password`,
    params: (f) => ({ userId: f.org.member.id }),
    body: () => ({ password: "a-Brand-new-pass-99" }),
    expect: { admin: 403, manager: 403, member: 200, outsider: 403 },
  },
  {
    name: "POST /v1/users/{member}/password-reset",
    handler: resetPassword,
    method: "POST",
    path: (f) => `/v1/users/${f.org.member.id}/password-reset`,
    params: (f) => ({ userId: f.org.member.id }),
    body: () => ({ expiresAt: "2030-01-01T00:00:00Z" }),
    expect: ADMIN_ONLY(200),
  },
  {
    name: "GET /v1/api-keys/{outsider's}",
    handler: getKey,
    method: "GET",
    path: (f) => `/v1/api-keys/${f.apiKeyId}`,
    params: (f) => ({ apiKeyId: f.apiKeyId }),
    expect: { admin: 200, manager: 403, member: 403, outsider: 200 },
  },
  {
    name: "POST /v1/api-keys/{outsider's}/rotate",
    handler: rotateKey,
    method: "POST",
    path: (f) => `/v1/api-keys/${f.apiKeyId}/rotate`,
    params: (f) => ({ apiKeyId: f.apiKeyId }),
    // only the owner reads a new secret: an admin revokes, never rotates, another's key
    expect: { admin: 403, manager: 403, member: 403, outsider: 200 },
  },
  {
    name: "DELETE /v1/api-keys/{outsider's}",
    handler: deleteKey,
    method: "DELETE",
    path: (f) => `/v1/api-keys/${f.apiKeyId}`,
    params: (f) => ({ apiKeyId: f.apiKeyId }),
    expect: { admin: 200, manager: 403, member: 403, outsider: 200 },
  },
  { name: "GET /v1/invitations", handler: listInvitations, method: "GET", path: () => "/v1/invitations", expect: ADMIN_ONLY(200) },
  { name: "POST /v1/invitations", handler: createInvitation, method: "POST", path: () => "/v1/invitations", body: () => ({ email: uniqueEmail() }), expect: ADMIN_ONLY(201) },
  {
    name: "GET /v1/invitations/{id}",
    handler: getInvitation,
    method: "GET",
    path: (f) => `/v1/invitations/${f.invId}`,
    params: (f) => ({ invId: f.invId }),
    expect: ADMIN_ONLY(200),
  },
  {
    name: "DELETE /v1/invitations/{id}",
    handler: deleteInvitation,
    method: "DELETE",
    path: (f) => `/v1/invitations/${f.invId}`,
    params: (f) => ({ invId: f.invId }),
    expect: ADMIN_ONLY(200),
  },
  { name: "GET /v1/teams", handler: listTeams, method: "GET", path: () => "/v1/teams", expect: EVERYONE(200) },
  { name: "POST /v1/teams", handler: createTeam, method: "POST", path: () => "/v1/teams", body: () => ({ name: "Team B" }), expect: ADMIN_ONLY(201) },
  {
    name: "GET /v1/teams/{id}",
    handler: getTeam,
    method: "GET",
    path: (f) => `/v1/teams/${f.org.teamId}`,
    params: (f) => ({ teamId: f.org.teamId }),
    expect: { admin: 200, manager: 200, member: 200, outsider: 403 },
  },
  {
    name: "PUT /v1/teams/{id}",
    handler: putTeam,
    method: "PUT",
    path: (f) => `/v1/teams/${f.org.teamId}`,
    params: (f) => ({ teamId: f.org.teamId }),
    body: () => ({ name: "Renamed" }),
    expect: ADMIN_ONLY(200),
  },
  {
    name: "DELETE /v1/teams/{id}",
    handler: deleteTeam,
    method: "DELETE",
    path: (f) => `/v1/teams/${f.org.teamId}`,
    params: (f) => ({ teamId: f.org.teamId }),
    expect: ADMIN_ONLY(200),
  },
  {
    name: "PUT /v1/teams/{id}/members/{outsider}",
    handler: putMember,
    method: "PUT",
    path: (f) => `/v1/teams/${f.org.teamId}/members/${f.org.outsider.id}`,
    params: (f) => ({ teamId: f.org.teamId, userId: f.org.outsider.id }),
    body: () => ({ manager: true }),
    expect: ADMIN_ONLY(200),
  },
  {
    name: "DELETE /v1/teams/{id}/members/{member}",
    handler: removeMember,
    method: "DELETE",
    path: (f) => `/v1/teams/${f.org.teamId}/members/${f.org.member.id}`,
    params: (f) => ({ teamId: f.org.teamId, userId: f.org.member.id }),
    expect: ADMIN_ONLY(200),
  },
];

const roles: Role[] = ["admin", "manager", "member", "outsider"];
const matrix = cases.flatMap((c) => roles.map((role) => [c.name, role, c.expect[role], c] as const));

describe(`every role × route (${testDbKind()})`, () => {
  it.each(matrix)("%s as %s → %i", async (_name, role, status, c) => {
    const f = await fixture();
    const res = await call(c.handler, c.method, c.path(f), { token: f.org[role].token, params: c.params?.(f), body: c.body?.(f) });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status === 403) expect(res.body.code).toBe("forbidden");
    expectNoSecrets(res.body);
  });
});

describe(`a second organisation sees nothing of the first (${testDbKind()})`, () => {
  it("answers 404 for every id of another organisation, exactly like a missing one", async () => {
    const a = await fixture();
    const b = await fixture();
    const missing = randomUUID();
    const idRoutes = cases.filter((c) => c.params);
    for (const c of idRoutes) {
      for (const ids of [c.params!(b), Object.fromEntries(Object.keys(c.params!(b)).map((k) => [k, missing]))]) {
        const res = await call(c.handler, c.method, c.path(b), { token: a.org.admin.token, params: ids, body: c.body?.(b) });
        expect(res.status, `${c.name} ${JSON.stringify(res.body)}`).toBe(404);
        expect(res.body.code).toBe("not_found");
      }
    }
    // a team of one organisation cannot take a user of another
    const cross = await call(putMember, "PUT", "/v1/teams/x/members/y", {
      token: a.org.admin.token,
      params: { teamId: a.org.teamId, userId: b.org.member.id },
      body: { manager: false },
    });
    expect(cross.status).toBe(404);

    // lists show only the caller's organisation
    const bIds = new Set([b.org.id, b.org.admin.id, b.org.member.id, b.org.manager.id, b.org.outsider.id, b.org.teamId, b.sessionId, b.invId, b.apiKeyId]);
    for (const handler of [listUsers, listSessions, listInvitations, listKeys, listTeams]) {
      const res = await call(handler, "GET", "/v1/list", { token: a.org.admin.token });
      expect(res.status).toBe(200);
      const seen = JSON.stringify(res.body);
      for (const id of bIds) expect(seen).not.toContain(id);
    }
    // and b's data is untouched
    const still = await call(getInvitation, "GET", `/v1/invitations/${b.invId}`, { token: b.org.admin.token, params: { invId: b.invId } });
    expect(still.status).toBe(200);
  });
});
