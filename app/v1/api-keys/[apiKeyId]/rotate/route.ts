// POST /v1/api-keys/{apiKeyId}/rotate – replace an API key: the old one fails at once, the new one is shown once
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { apiKeyView, rotateApiKey } from "@/lib/services/accounts";
import { uuid } from "@/lib/validation/common";
import { issuedApiKeyResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const POST = v1Route({
  scope: "signed-in",
  params: z.object({ apiKeyId: uuid }),
  summary: "Rotate an API key",
  response: issuedApiKeyResponse,
  handler: async ({ db, caller, params }) => {
    const { apiKey, key } = await rotateApiKey(db, caller, params.apiKeyId);
    return { apiKey, message: "API key rotated. Store it securely — it will not be shown again.", info: apiKeyView(key) };
  },
});
