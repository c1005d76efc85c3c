import { SCOPES } from "@/lib/auth/scopes";
import { z } from "zod";
import { email, isoInstant, name, timeZone } from "./common";

// Request bodies of the /v1 account API (seed 003). Length rules are checked here so the
// error names the field; the password policy (common passwords) is the service's.

export const password = z
  .string({ message: "must be a string" })
  .min(12, "must be at least 12 characters")
  .max(128, "must be at most 128 characters");
export const role = z.enum(["member", "admin"], { message: "must be member or admin" });
const personName = z.string().trim().max(100);
const token = z.string().min(1, "must not be empty").max(300);

export const signupBody = z.object({
  email,
  firstName: personName.min(1, "must not be empty"),
  lastName: personName.min(1, "must not be empty"),
  password,
  orgName: name,
});

// Login takes any string as the password, so a short one is "wrong", not "invalid".
export const loginBody = z.object({ email, password: z.string().min(1, "must not be empty").max(1024) });
export const refreshBody = z.object({ refreshToken: token });
export const apiKeyLoginBody = z.object({ apiKey: token });
export const setPasswordBody = z.object({ token, password });

// Seed 003's body is `{ firstName, lastName, email, role }`: the link's token may come in the query
// (`?token=` as in the invitation link) instead of the body, and without a password the answer
// carries a one-time set-password link, as POST /v1/users does.
export const invitationSignupBody = z.object({
  token: token.optional().describe("the token of the invitation link (or send it as ?token=)"),
  email,
  password: password.optional().describe("omit it to receive a setPasswordUrl instead"),
  firstName: personName.optional(),
  lastName: personName.optional(),
  role: role.optional().describe("must be the role of the invitation"),
});
export const invitationSignupQuery = z.object({ token: token.optional().describe("the token of the invitation link (or send it in the body)") });

export const orgUpdateBody = z.object({
  name: name.optional(),
  email: email.nullable().optional(),
  description: z.string().max(2000).nullable().optional(),
  defaultTimeZone: timeZone.optional(),
});

export const userCreateBody = z.object({
  email,
  firstName: personName.optional(),
  lastName: personName.optional(),
  role,
});

export const userUpdateBody = z.object({
  firstName: personName.optional(),
  lastName: personName.optional(),
  email: email.optional(),
  role: role.optional(),
  active: z.boolean({ message: "must be true or false" }).optional(),
  timeZone: timeZone.optional(),
});

// The current password is needed unless the session signed in within the last 10 minutes.
export const passwordBody = z.object({
  password,
  currentPassword: z
    .string()
    .min(1, "must not be empty")
    .max(1024)
    .optional()
    .describe("The current password; required unless this session signed in within the last 10 minutes"),
});
export const passwordResetBody = z.object({ expiresAt: isoInstant });

export const apiKeyCreateBody = z.object({
  name,
  scopes: z
    .array(z.enum(SCOPES, { message: `must be one of ${SCOPES.join(", ")}` }))
    .min(1, "must name at least one scope")
    .max(SCOPES.length)
    .optional()
    .describe("What the key may do; default: every scope the owner's role allows"),
});
export const invitationCreateBody = z.object({ email, role: role.optional() });

export const teamBody = z.object({ name });
export const teamMemberBody = z.object({ manager: z.boolean({ message: "must be true or false" }).default(false) });
