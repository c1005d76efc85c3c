// GET, PUT /v1/users/{userId} – read a user; update (self: names, time zone; admins: also e-mail, role, active)
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { getUser, updateUser, userView } from "@/lib/services/accounts";
import { userUpdateBody } from "@/lib/validation/accounts";
import { uuid } from "@/lib/validation/common";
import { userResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

const params = z.object({ userId: uuid });

export const GET = v1Route({
  scope: "users:read",
  params,
  summary: "Get a user",
  response: userResponse,
  handler: async ({ db, caller, params }) => userView(await getUser(db, caller, params.userId)),
});

export const PUT = v1Route({
  scope: "users:write",
  params,
  body: userUpdateBody,
  summary: "Update a user; `active: false` deactivates, `active: true` reactivates",
  response: userResponse,
  handler: async ({ db, caller, params, body }) => userView(await updateUser(db, caller, params.userId, body)),
});
