// GET, POST /v1/productivity-rules – list the organisation's productivity rules; admins add one
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { mapPage } from "@/lib/services/platform";
import { productivityRuleResponse } from "@/lib/validation/dashboard-responses";
import { createRule, listRules, ruleView } from "@/lib/services/activity";
import { ruleBody, ruleListQuery } from "@/lib/validation/productivity-rules";

export const dynamic = "force-dynamic";

export const GET = v1Route({
  scope: "users:read",
  query: ruleListQuery,
  paginated: true,
  summary: "List productivity rules (organisation rules first, then team overrides; paginated)",
  response: z.array(productivityRuleResponse),
  handler: async ({ db, caller, query }) => mapPage(await listRules(db, caller, query, query), ruleView),
});

export const POST = v1Route({
  scope: "admin",
  permission: "ORG_ADMIN",
  body: ruleBody,
  status: 201,
  summary: "Add a productivity rule for an app name or a domain, optionally as a team override",
  response: productivityRuleResponse,
  handler: async ({ db, caller, body }) => ruleView(await createRule(db, caller, body)),
});
