// POST /v1/auth/set-password – choose a password through a one-time link (new user or admin reset)
import { v1Route } from "@/lib/http/handler";
import { setPasswordWithToken } from "@/lib/services/accounts";
import { setPasswordBody } from "@/lib/validation/accounts";
import { messageResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const POST = v1Route({
  auth: "none",
  body: setPasswordBody,
  summary: "Set a password with a one-time link's token",
  response: messageResponse,
  handler: async ({ db, body }) => {
    await setPasswordWithToken(db, body);
    return { message: "Password set successfully" };
  },
});
