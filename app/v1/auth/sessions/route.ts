// GET /v1/auth/sessions – live sessions of the organisation (admins)
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { mapPage } from "@/lib/services/platform";
import { pageQuery } from "@/lib/validation/common";
import { listSessions, sessionView } from "@/lib/services/accounts";
import { sessionResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const GET = v1Route({
  scope: "admin",
  permission: "ORG_ADMIN",
  query: pageQuery,
  paginated: true,
  summary: "List the organisation's active sessions, newest first (paginated)",
  response: z.array(sessionResponse),
  handler: async ({ db, caller, query }) => mapPage(await listSessions(db, caller, query), sessionView),
});
