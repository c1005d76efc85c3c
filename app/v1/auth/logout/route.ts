// POST /v1/auth/logout – revoke the caller's session (its access and refresh tokens)
import { v1Route } from "@/lib/http/handler";
import { logout } from "@/lib/services/accounts";
import { messageResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const POST = v1Route({
  scope: "any",
  summary: "Log out: revoke this session",
  response: messageResponse,
  handler: async ({ db, caller }) => {
    await logout(db, caller);
    return { message: "Logged out" };
  },
});
