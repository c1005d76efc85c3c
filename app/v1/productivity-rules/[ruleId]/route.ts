// GET, PUT, DELETE /v1/productivity-rules/{ruleId} – read a productivity rule; admins change or delete it
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { productivityRuleResponse } from "@/lib/validation/dashboard-responses";
import { deleteRule, getRule, ruleView, updateRule } from "@/lib/services/activity";
import { ruleUpdateBody } from "@/lib/validation/productivity-rules";
import { uuid } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

const params = z.object({ ruleId: uuid });

export const GET = v1Route({
  scope: "users:read",
  params,
  summary: "Get a productivity rule",
  response: productivityRuleResponse,
  handler: async ({ db, caller, params }) => ruleView(await getRule(db, caller, params.ruleId)),
});

export const PUT = v1Route({
  scope: "admin",
  permission: "ORG_ADMIN",
  params,
  body: ruleUpdateBody,
  summary: "Change a productivity rule's pattern, classification or team",
  response: productivityRuleResponse,
  handler: async ({ db, caller, params, body }) => ruleView(await updateRule(db, caller, params.ruleId, body)),
});

export const DELETE = v1Route({
  scope: "admin",
  permission: "ORG_ADMIN",
  params,
  summary: "Delete a productivity rule",
  response: z.object({ message: z.string() }),
  handler: async ({ db, caller, params }) => {
    await deleteRule(db, caller, params.ruleId);
    return { message: "Productivity rule deleted" };
  },
});
