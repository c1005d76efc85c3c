// GET, PUT /v1/orgs/{orgId}/settings – read the organisation's privacy and overlap settings; admins change them
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { getOrgSettings, orgSettingsView, updateOrgSettings } from "@/lib/services/organizations";
import { uuid } from "@/lib/validation/common";
import { orgSettingsBody, orgSettingsResponse } from "@/lib/validation/org-settings";

export const dynamic = "force-dynamic";

const params = z.object({ orgId: uuid });

export const GET = v1Route({
  scope: "users:read",
  params,
  summary: "Get the organisation's settings (overlap policy, screenshots, blur, retention, default time zone)",
  response: orgSettingsResponse,
  handler: async ({ db, caller, params }) => orgSettingsView(await getOrgSettings(db, caller, params.orgId)),
});

export const PUT = v1Route({
  scope: "admin",
  permission: "ORG_ADMIN",
  params,
  body: orgSettingsBody,
  summary: "Change some of the organisation's settings (admins; audited)",
  response: orgSettingsResponse,
  handler: async ({ db, caller, params, body }) => orgSettingsView(await updateOrgSettings(db, caller, params.orgId, body)),
});
