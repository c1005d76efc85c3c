// GET /v1/auth/sessions – live sessions of the organisation (admins)
import { z } from "zod";
import { route } from "@/lib/http/handler";
import { listSessions, sessionView } from "@/lib/services/accounts";
import { sessionResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const GET = route({
  scope: "admin",
  permission: "ORG_ADMIN",
  summary: "List the organisation's active sessions",
  response: z.array(sessionResponse),
  handler: async ({ db, caller }) => (await listSessions(db, caller)).map(sessionView),
});
