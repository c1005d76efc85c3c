// GET, DELETE /v1/api-keys/{apiKeyId} – read an API key's metadata; delete it (its sessions end at once)
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { apiKeyView, deleteApiKey, getApiKey } from "@/lib/services/accounts";
import { uuid } from "@/lib/validation/common";
import { apiKeyInfoResponse, messageResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

const params = z.object({ apiKeyId: uuid });

export const GET = v1Route({
  scope: "users:read",
  params,
  summary: "Get an API key's metadata",
  response: apiKeyInfoResponse,
  handler: async ({ db, caller, params }) => apiKeyView(await getApiKey(db, caller, params.apiKeyId)),
});

export const DELETE = v1Route({
  scope: "users:write",
  params,
  summary: "Delete an API key",
  response: messageResponse,
  handler: async ({ db, caller, params }) => {
    await deleteApiKey(db, caller, params.apiKeyId);
    return { message: "API key deleted" };
  },
});
