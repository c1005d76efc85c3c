// GET, POST /v1/invitations – admins list invitations and invite an e-mail (the response carries the one-time link)
import { z } from "zod";
import { route } from "@/lib/http/handler";
import { createInvitation, invitationView, listInvitations } from "@/lib/services/invitations";
import { invitationCreateBody } from "@/lib/validation/accounts";
import { createdInvitationResponse, invitationResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const GET = route({
  scope: "admin",
  permission: "ORG_ADMIN",
  summary: "List invitations",
  response: z.array(invitationResponse),
  handler: async ({ db, caller }) => (await listInvitations(db, caller)).map(invitationView),
});

export const POST = route({
  scope: "admin",
  permission: "ORG_ADMIN",
  body: invitationCreateBody,
  status: 201,
  summary: "Invite a user (link valid 1 day)",
  response: createdInvitationResponse,
  handler: async ({ db, caller, body }) => {
    const { invitation, link } = await createInvitation(db, caller, body);
    return { message: "Invitation successfully created", invitation: { ...invitationView(invitation), link } };
  },
});
