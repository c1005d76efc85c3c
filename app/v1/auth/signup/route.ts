// POST /v1/auth/signup – register a user and their organisation (the user becomes its admin)
import { v1Route } from "@/lib/http/handler";
import { clientInfo } from "@/lib/http/client-info";
import { signup, userView } from "@/lib/services/accounts";
import { orgView } from "@/lib/services/organizations";
import { signupBody } from "@/lib/validation/accounts";
import { signupResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const POST = v1Route({
  auth: "none",
  throttled: true,
  body: signupBody,
  status: 201,
  summary: "Sign up: a new organisation and its first user",
  response: signupResponse,
  handler: async ({ db, req, body }) => {
    const { user, org } = await signup(db, body, clientInfo(req));
    return { message: "User and organisation registered successfully", user: userView(user), org: orgView(org) };
  },
});
