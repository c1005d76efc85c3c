// GET, POST /v1/teams – list teams (admins: all; others: their own); admins create teams
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { mapPage } from "@/lib/services/platform";
import { pageQuery } from "@/lib/validation/common";
import { createTeam, listTeams, teamView } from "@/lib/services/organizations";
import { teamBody } from "@/lib/validation/accounts";
import { teamResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const GET = v1Route({
  scope: "users:read",
  query: pageQuery,
  paginated: true,
  summary: "List teams with their members, by name (paginated)",
  response: z.array(teamResponse),
  handler: async ({ db, caller, query }) => mapPage(await listTeams(db, caller, query), teamView),
});

export const POST = v1Route({
  scope: "admin",
  permission: "ORG_ADMIN",
  body: teamBody,
  status: 201,
  summary: "Create a team",
  response: teamResponse,
  handler: async ({ db, caller, body }) => teamView(await createTeam(db, caller, body)),
});
