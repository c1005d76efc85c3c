// POST /v1/auth/invitations/{invId}/signup – create the invited user through the one-time link
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { clientInfo } from "@/lib/http/client-info";
import { appOrigin } from "@/lib/http/origin";
import { invalidField } from "@/lib/errors";
import { acceptInvitation, userView } from "@/lib/services/accounts";
import { invitationSignupBody, invitationSignupQuery } from "@/lib/validation/accounts";
import { uuid } from "@/lib/validation/common";
import { invitationSignupResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const POST = v1Route({
  auth: "none",
  throttled: true,
  params: z.object({ invId: uuid }),
  query: invitationSignupQuery,
  body: invitationSignupBody,
  status: 201,
  summary: "Sign up through an invitation (token in the body or ?token=; without a password the answer carries a setPasswordUrl)",
  response: invitationSignupResponse,
  handler: async ({ db, req, params, query, body }) => {
    const token = body.token ?? query.token;
    if (!token) throw invalidField("body.token", "is required: send the invitation link's token in the body or as ?token=");
    const { user, setPasswordUrl } = await acceptInvitation(db, params.invId, { ...body, token }, { ...clientInfo(req), origin: appOrigin(req) });
    return { ...userView(user), ...(setPasswordUrl ? { setPasswordUrl } : {}) };
  },
});
