// PUT /v1/users/{userId}/password – a user changes their own password (their other sessions end)
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { changeOwnPassword } from "@/lib/services/accounts";
import { passwordBody } from "@/lib/validation/accounts";
import { uuid } from "@/lib/validation/common";
import { messageResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const PUT = v1Route({
  scope: "signed-in",
  params: z.object({ userId: uuid }),
  body: passwordBody,
  summary: "Change your own password (`currentPassword` too unless this session signed in within 10 minutes)",
  throttled: true,
  response: messageResponse,
  handler: async ({ db, caller, params, body }) => {
    await changeOwnPassword(db, caller, params.userId, body);
    return { message: "Password updated successfully" };
  },
});
