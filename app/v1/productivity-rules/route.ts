// GET, POST /v1/productivity-rules – list the organisation's productivity rules; admins add one
import { z } from "zod";
import { route } from "@/lib/http/handler";
import { productivityRuleResponse } from "@/lib/validation/dashboard-responses";
import { createRule, listRules, ruleView } from "@/lib/services/productivity-rules";
import { ruleBody, ruleListQuery } from "@/lib/validation/productivity-rules";

export const dynamic = "force-dynamic";

export const GET = route({
  scope: "users:read",
  query: ruleListQuery,
  summary: "List productivity rules (organisation rules first, then team overrides)",
  response: z.array(productivityRuleResponse),
  handler: async ({ db, caller, query }) => (await listRules(db, caller, query)).map(ruleView),
});

export const POST = route({
  scope: "admin",
  permission: "ORG_ADMIN",
  body: ruleBody,
  status: 201,
  summary: "Add a productivity rule for an app name or a domain, optionally as a team override",
  response: productivityRuleResponse,
  handler: async ({ db, caller, body }) => ruleView(await createRule(db, caller, body)),
});
