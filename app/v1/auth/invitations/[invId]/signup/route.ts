// POST /v1/auth/invitations/{invId}/signup – create the invited user through the one-time link
import { z } from "zod";
import { route } from "@/lib/http/handler";
import { clientInfo } from "@/lib/http/client-info";
import { acceptInvitation } from "@/lib/services/invitations";
import { userView } from "@/lib/services/users";
import { invitationSignupBody } from "@/lib/validation/accounts";
import { uuid } from "@/lib/validation/common";
import { userResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const POST = route({
  auth: "none",
  throttled: true,
  params: z.object({ invId: uuid }),
  body: invitationSignupBody,
  status: 201,
  summary: "Sign up through an invitation",
  response: userResponse,
  handler: async ({ db, req, params, body }) => userView(await acceptInvitation(db, params.invId, body, clientInfo(req))),
});
