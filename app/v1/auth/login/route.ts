// POST /v1/auth/login – e-mail and password → access token (1 day) and refresh token (7 days)
import { v1Route } from "@/lib/http/handler";
import { clientInfo } from "@/lib/http/client-info";
import { login } from "@/lib/services/accounts";
import { loginBody } from "@/lib/validation/accounts";
import { tokensResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const POST = v1Route({
  auth: "none",
  throttled: true,
  body: loginBody,
  summary: "Log in with e-mail and password",
  response: tokensResponse,
  handler: async ({ db, req, body }) => {
    const { accessToken, refreshToken, expiresIn } = await login(db, body, clientInfo(req));
    return { accessToken, refreshToken, expiresIn };
  },
});
