// GET, POST /v1/invitations – admins list invitations and invite an e-mail (the response carries the one-time link)
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { mapPage } from "@/lib/services/platform";
import { pageQuery } from "@/lib/validation/common";
import { createInvitation, invitationView, listInvitations } from "@/lib/services/accounts";
import { invitationCreateBody } from "@/lib/validation/accounts";
import { createdInvitationResponse, invitationResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const GET = v1Route({
  scope: "admin",
  permission: "ORG_ADMIN",
  query: pageQuery,
  paginated: true,
  summary: "List invitations, newest first (paginated)",
  response: z.array(invitationResponse),
  handler: async ({ db, caller, query }) => mapPage(await listInvitations(db, caller, query), invitationView),
});

export const POST = v1Route({
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
