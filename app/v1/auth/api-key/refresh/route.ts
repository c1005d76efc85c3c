// POST /v1/auth/api-key/refresh – rotate the tokens of an API-key session (never past its day)
import { v1Route } from "@/lib/http/handler";
import { refreshSession } from "@/lib/services/accounts";
import { refreshBody } from "@/lib/validation/accounts";
import { tokensResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const POST = v1Route({
  auth: "none",
  body: refreshBody,
  summary: "Exchange an API-key session's refresh token for a new token pair",
  response: tokensResponse,
  handler: async ({ db, body }) => {
    const { accessToken, refreshToken, expiresIn } = await refreshSession(db, body.refreshToken, "api_key");
    return { accessToken, refreshToken, expiresIn };
  },
});
