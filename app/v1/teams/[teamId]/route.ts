// GET, PUT, DELETE /v1/teams/{teamId} – read a team (admins and its members); admins rename or delete it
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { deleteTeam, getTeam, teamView, updateTeam } from "@/lib/services/organizations";
import { teamBody } from "@/lib/validation/accounts";
import { uuid } from "@/lib/validation/common";
import { messageResponse, teamResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

const params = z.object({ teamId: uuid });

export const GET = v1Route({
  scope: "users:read",
  params,
  summary: "Get a team with its members",
  response: teamResponse,
  handler: async ({ db, caller, params }) => teamView(await getTeam(db, caller, params.teamId)),
});

export const PUT = v1Route({
  scope: "admin",
  permission: "ORG_ADMIN",
  params,
  body: teamBody.partial(),
  summary: "Rename a team",
  response: teamResponse,
  handler: async ({ db, caller, params, body }) => teamView(await updateTeam(db, caller, params.teamId, body)),
});

export const DELETE = v1Route({
  scope: "admin",
  permission: "ORG_ADMIN",
  params,
  summary: "Delete a team",
  response: messageResponse,
  handler: async ({ db, caller, params }) => {
    await deleteTeam(db, caller, params.teamId);
    return { message: "Team deleted" };
  },
});
