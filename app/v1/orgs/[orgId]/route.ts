// GET, PUT /v1/orgs/{orgId} – read the caller's organisation; admins update it
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { getOrganization, orgView, updateOrganization } from "@/lib/services/organizations";
import { orgUpdateBody } from "@/lib/validation/accounts";
import { uuid } from "@/lib/validation/common";
import { orgResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

const params = z.object({ orgId: uuid });

export const GET = v1Route({
  scope: "users:read",
  params,
  summary: "Get an organisation",
  response: orgResponse,
  handler: async ({ db, caller, params }) => orgView(await getOrganization(db, caller, params.orgId)),
});

export const PUT = v1Route({
  scope: "admin",
  permission: "ORG_ADMIN",
  params,
  body: orgUpdateBody,
  summary: "Update an organisation",
  response: orgResponse,
  handler: async ({ db, caller, params, body }) => orgView(await updateOrganization(db, caller, params.orgId, body)),
});
