// GET, DELETE /v1/invitations/{invId} – admins read or revoke a pending invitation
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { deleteInvitation, getInvitation, invitationView } from "@/lib/services/accounts";
import { uuid } from "@/lib/validation/common";
import { invitationResponse, messageResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

const params = z.object({ invId: uuid });

export const GET = v1Route({
  scope: "admin",
  permission: "ORG_ADMIN",
  params,
  summary: "Get an invitation",
  response: invitationResponse,
  handler: async ({ db, caller, params }) => invitationView(await getInvitation(db, caller, params.invId)),
});

export const DELETE = v1Route({
  scope: "admin",
  permission: "ORG_ADMIN",
  params,
  summary: "Delete an invitation",
  response: messageResponse,
  handler: async ({ db, caller, params }) => {
    await deleteInvitation(db, caller, params.invId);
    return { message: "Invitation deleted" };
  },
});
