// POST /v1/auth/refresh – rotate the tokens of a password session (a reused refresh token revokes it)
import { v1Route } from "@/lib/http/handler";
import { refreshSession } from "@/lib/services/accounts";
import { refreshBody } from "@/lib/validation/accounts";
import { tokensResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const POST = v1Route({
  auth: "none",
  body: refreshBody,
  summary: "Exchange a refresh token for a new token pair",
  response: tokensResponse,
  handler: async ({ db, body }) => {
    const { accessToken, refreshToken, expiresIn } = await refreshSession(db, body.refreshToken, "password");
    return { accessToken, refreshToken, expiresIn };
  },
});
