// GET, POST /v1/users – list the users the caller may see; admins create users (with a set-password link)
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { mapPage } from "@/lib/services/platform";
import { pageQuery } from "@/lib/validation/common";
import { createUser, listUsers, userView } from "@/lib/services/accounts";
import { userCreateBody } from "@/lib/validation/accounts";
import { createdUserResponse, userResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const GET = v1Route({
  scope: "users:read",
  query: pageQuery,
  paginated: true,
  summary: "List users (admins: all; managers: their teams; members: themselves), by name (paginated)",
  response: z.array(userResponse),
  handler: async ({ db, caller, query }) => mapPage(await listUsers(db, caller, query), userView),
});

export const POST = v1Route({
  scope: "admin",
  permission: "ORG_ADMIN",
  body: userCreateBody,
  status: 201,
  summary: "Create a user, who sets a password through the returned link",
  response: createdUserResponse,
  handler: async ({ db, caller, body }) => {
    const { user, setPasswordUrl } = await createUser(db, caller, body);
    return { ...userView(user), setPasswordUrl };
  },
});
