// DELETE /v1/auth/sessions/{sessionId} – revoke a session of the organisation (admins)
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { revokeSessionById } from "@/lib/services/accounts";
import { uuid } from "@/lib/validation/common";
import { messageResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const DELETE = v1Route({
  scope: "admin",
  permission: "ORG_ADMIN",
  params: z.object({ sessionId: uuid }),
  summary: "Revoke a session",
  response: messageResponse,
  handler: async ({ db, caller, params }) => {
    await revokeSessionById(db, caller, params.sessionId);
    return { message: "Session revoked" };
  },
});
