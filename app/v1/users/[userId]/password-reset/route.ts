// POST /v1/users/{userId}/password-reset – admins force a new password after expiresAt (returns the set-password link)
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { resetPassword } from "@/lib/services/accounts";
import { passwordResetBody } from "@/lib/validation/accounts";
import { uuid } from "@/lib/validation/common";
import { passwordResetResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const POST = v1Route({
  scope: "signed-in",
  permission: "ORG_ADMIN",
  params: z.object({ userId: uuid }),
  body: passwordResetBody,
  summary: "Schedule a password reset",
  response: passwordResetResponse,
  handler: async ({ db, caller, params, body }) => {
    const reset = await resetPassword(db, caller, params.userId, body.expiresAt);
    return {
      message: "Password reset scheduled",
      expiresAt: reset.expiresAt.toISOString(),
      setPasswordUrl: reset.setPasswordUrl,
      setPasswordUrlExpiresAt: reset.linkExpiresAt.toISOString(),
    };
  },
});
