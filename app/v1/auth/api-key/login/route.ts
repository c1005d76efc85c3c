// POST /v1/auth/api-key/login – API key → access token (15 minutes) and refresh token (1 day)
import { v1Route } from "@/lib/http/handler";
import { clientInfo } from "@/lib/http/client-info";
import { loginWithApiKey } from "@/lib/services/accounts";
import { apiKeyLoginBody } from "@/lib/validation/accounts";
import { tokensResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const POST = v1Route({
  auth: "none",
  throttled: true,
  body: apiKeyLoginBody,
  summary: "Log in with an API key",
  response: tokensResponse,
  handler: async ({ db, req, body }) => {
    const { accessToken, refreshToken, expiresIn } = await loginWithApiKey(db, body.apiKey, clientInfo(req));
    return { accessToken, refreshToken, expiresIn };
  },
});
