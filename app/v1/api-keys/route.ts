// GET, POST /v1/api-keys – list API keys (admins: the organisation's; others: their own); create one for yourself
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { mapPage } from "@/lib/services/platform";
import { pageQuery } from "@/lib/validation/common";
import { apiKeyView, createApiKey, listApiKeys } from "@/lib/services/accounts";
import { apiKeyCreateBody } from "@/lib/validation/accounts";
import { apiKeyInfoResponse, issuedApiKeyResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const GET = v1Route({
  scope: "users:read",
  query: pageQuery,
  paginated: true,
  summary: "List API keys, newest first (paginated)",
  response: z.array(apiKeyInfoResponse),
  handler: async ({ db, caller, query }) => mapPage(await listApiKeys(db, caller, query), apiKeyView),
});

export const POST = v1Route({
  scope: "signed-in",
  body: apiKeyCreateBody,
  status: 201,
  summary: "Create an API key (shown once)",
  response: issuedApiKeyResponse,
  handler: async ({ db, caller, body }) => {
    const { apiKey, key } = await createApiKey(db, caller, body);
    return { apiKey, message: "API key created. Store it securely — it will not be shown again.", info: apiKeyView(key) };
  },
});
