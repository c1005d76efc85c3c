import { describe, expect, it } from "vitest";
import { z, type ZodType } from "zod";
import * as R from "@/lib/validation/account-responses";
import { POST as signupRoute } from "@/app/v1/auth/signup/route";
import { POST as refreshRoute } from "@/app/v1/auth/refresh/route";
import { POST as apiKeyLogin } from "@/app/v1/auth/api-key/login/route";
import { GET as listSessions } from "@/app/v1/auth/sessions/route";
import { GET as getOrg } from "@/app/v1/orgs/[orgId]/route";
import { GET as listUsers, POST as createUser } from "@/app/v1/users/route";
import { GET as getUser } from "@/app/v1/users/[userId]/route";
import { POST as resetPassword } from "@/app/v1/users/[userId]/password-reset/route";
import { GET as listKeys, POST as createKey } from "@/app/v1/api-keys/route";
import { GET as getKey } from "@/app/v1/api-keys/[apiKeyId]/route";
import { POST as rotateKey } from "@/app/v1/api-keys/[apiKeyId]/rotate/route";
import { GET as listInvitations, POST as createInvitation } from "@/app/v1/invitations/route";
import { GET as getInvitation } from "@/app/v1/invitations/[invId]/route";
import { POST as invitationSignup } from "@/app/v1/auth/invitations/[invId]/signup/route";
import { GET as listTeams, POST as createTeam } from "@/app/v1/teams/route";
import { PUT as putMember } from "@/app/v1/teams/[teamId]/members/[userId]/route";
import { testDbKind } from "../db";
import { call } from "../helpers";
import { expectNoSecrets, PASSWORD, signupAndLogin, tokenOf, uniqueEmail } from "./helpers";

/** The body has exactly the documented shape: parsing strips unknown keys, so equality means none. */
function conforms(schema: ZodType, res: { status: number; body: unknown }, status = 200) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const parsed = schema.safeParse(res.body);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  expect(parsed.data).toEqual(res.body);
  expectNoSecrets(res.body);
}

describe(`account API responses match the documented shapes (${testDbKind()})`, () => {
  it("for every operation", async () => {
    const signup = await call(signupRoute, "POST", "/v1/auth/signup", {
      body: { email: uniqueEmail(), password: PASSWORD, firstName: "A", lastName: "B", orgName: "Shape Inc" },
    });
    conforms(R.signupResponse, signup, 201);

    const s = await signupAndLogin();
    const refreshed = await call(refreshRoute, "POST", "/v1/auth/refresh", { body: { refreshToken: s.refreshToken } });
    conforms(R.tokensResponse, refreshed);
    const token = refreshed.body.accessToken as string; // rotation retired the first access token
    conforms(R.orgResponse, await call(getOrg, "GET", "/v1/orgs/x", { token, params: { orgId: s.orgId } }));

    const user = await call(createUser, "POST", "/v1/users", { token, body: { email: uniqueEmail(), firstName: "C", lastName: "D", role: "member" } });
    conforms(R.createdUserResponse, user, 201);
    conforms(z.array(R.userResponse), await call(listUsers, "GET", "/v1/users", { token }));
    conforms(R.userResponse, await call(getUser, "GET", "/v1/users/x", { token, params: { userId: user.body.id } }));
    conforms(
      R.passwordResetResponse,
      await call(resetPassword, "POST", "/v1/users/x/password-reset", { token, params: { userId: user.body.id }, body: { expiresAt: "2030-01-01T00:00:00Z" } }),
    );

    const key = await call(createKey, "POST", "/v1/api-keys", { token, body: { name: "k" } });
    expect(key.status).toBe(201);
    expect(R.issuedApiKeyResponse.parse(key.body)).toEqual(key.body);
    conforms(R.apiKeyInfoResponse, await call(getKey, "GET", "/v1/api-keys/x", { token, params: { apiKeyId: key.body.info.id } }));
    conforms(z.array(R.apiKeyInfoResponse), await call(listKeys, "GET", "/v1/api-keys", { token }));
    conforms(R.tokensResponse, await call(apiKeyLogin, "POST", "/v1/auth/api-key/login", { body: { apiKey: key.body.apiKey } }));
    conforms(z.array(R.sessionResponse), await call(listSessions, "GET", "/v1/auth/sessions", { token }));
    const rotated = await call(rotateKey, "POST", "/v1/api-keys/x/rotate", { token, params: { apiKeyId: key.body.info.id } });
    expect(R.issuedApiKeyResponse.parse(rotated.body)).toEqual(rotated.body);

    const email = uniqueEmail();
    const inv = await call(createInvitation, "POST", "/v1/invitations", { token, body: { email } });
    conforms(R.createdInvitationResponse, inv, 201);
    conforms(R.invitationResponse, await call(getInvitation, "GET", "/v1/invitations/x", { token, params: { invId: inv.body.invitation.id } }));
    conforms(z.array(R.invitationResponse), await call(listInvitations, "GET", "/v1/invitations", { token }));
    const joined = await call(invitationSignup, "POST", "/v1/auth/invitations/x/signup", {
      params: { invId: inv.body.invitation.id },
      body: { token: tokenOf(inv.body.invitation.link), email, password: PASSWORD, firstName: "E", lastName: "F", role: "member" },
    });
    conforms(R.userResponse, joined, 201);

    const team = await call(createTeam, "POST", "/v1/teams", { token, body: { name: "T" } });
    conforms(R.teamResponse, team, 201);
    conforms(R.teamResponse, await call(putMember, "PUT", "/v1/teams/x/members/y", { token, params: { teamId: team.body.id, userId: joined.body.id }, body: { manager: true } }));
    conforms(z.array(R.teamResponse), await call(listTeams, "GET", "/v1/teams", { token }));
  });
});
