// PUT, DELETE /v1/teams/{teamId}/members/{userId} – admins add a member (or set `manager`) and remove one
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { removeTeamMember, setTeamMember, teamView } from "@/lib/services/organizations";
import { teamMemberBody } from "@/lib/validation/accounts";
import { uuid } from "@/lib/validation/common";
import { messageResponse, teamResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

const params = z.object({ teamId: uuid, userId: uuid });

export const PUT = v1Route({
  scope: "admin",
  permission: "ORG_ADMIN",
  params,
  body: teamMemberBody,
  summary: "Add a team member or change whether they manage the team",
  response: teamResponse,
  handler: async ({ db, caller, params, body }) => teamView(await setTeamMember(db, caller, params.teamId, params.userId, body)),
});

export const DELETE = v1Route({
  scope: "admin",
  permission: "ORG_ADMIN",
  params,
  summary: "Remove a team member",
  response: messageResponse,
  handler: async ({ db, caller, params }) => {
    await removeTeamMember(db, caller, params.teamId, params.userId);
    return { message: "Team member removed" };
  },
});
