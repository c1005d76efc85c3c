import { SCOPES } from "@/lib/auth/scopes";
import { z } from "zod";

// Response shapes of the /v1 account API (seed 003), for the OpenAPI document. The views in
// lib/services build exactly these objects.

const isoDate = z.string().describe("ISO 8601 date-time");
const unixMs = z.number().int().describe("Unix time in milliseconds");

export const messageResponse = z.object({ message: z.string() });

export const tokensResponse = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: unixMs.describe("When the access token expires, Unix ms"),
});

export const userResponse = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  role: z.enum(["member", "admin"]),
  active: z.boolean(),
  timeZone: z.string(),
  profilePicUrl: z
    .string()
    .nullable()
    .describe("Absolute URL of the user's picture (GET /v1/users/{id}/avatar, needs a token of the organisation), versioned by `v`; null without one"),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const orgResponse = z.object({
  id: z.string(),
  name: z.string(),
  decription: z.string().nullable().describe("The seed's spelling; same value as description"),
  description: z.string().nullable(),
  email: z.string().nullable(),
  defaultTimeZone: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const signupResponse = z.object({ message: z.string(), user: userResponse, org: orgResponse });
export const createdUserResponse = userResponse.extend({ setPasswordUrl: z.string().describe("One-time link, valid 1 day") });
export const invitationSignupResponse = userResponse.extend({
  setPasswordUrl: z.string().optional().describe("One-time link, valid 1 day; only when the signup sent no password"),
});

export const passwordResetResponse = z.object({
  message: z.string(),
  expiresAt: isoDate,
  setPasswordUrl: z.string(),
  setPasswordUrlExpiresAt: isoDate,
});

export const sessionResponse = z.object({
  id: z.string(),
  userId: z.string(),
  kind: z.enum(["password", "api_key", "web"]),
  apiKeyId: z.string().nullable(),
  sessionStartedAt: unixMs,
  expiresAt: unixMs.describe("When the current access token expires"),
  refreshExpiresAt: unixMs.describe("The session's absolute end"),
  lastUsedAt: unixMs.nullable(),
  userAgent: z.string().nullable(),
});

export const apiKeyInfoResponse = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  last4: z.string(),
  scopes: z.array(z.enum(SCOPES)).describe("What the key may do (see x-scopes of each operation)"),
  lastUsedAt: unixMs.nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export const issuedApiKeyResponse = z.object({ apiKey: z.string().describe("Shown once"), message: z.string(), info: apiKeyInfoResponse });

export const invitationResponse = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(["member", "admin"]),
  expiresAt: isoDate,
  createdAt: isoDate,
  updatedAt: isoDate,
});
export const createdInvitationResponse = z.object({
  message: z.string(),
  invitation: invitationResponse.extend({ link: z.string().describe("One-time signup link carrying the token") }),
});

export const teamResponse = z.object({
  id: z.string(),
  name: z.string(),
  members: z.array(z.object({ userId: z.string(), firstName: z.string(), lastName: z.string(), email: z.string(), manager: z.boolean() })),
  createdAt: isoDate,
  updatedAt: isoDate,
});

// The views: each service's answer is typed by its schema, and client code imports these.
export type UserView = z.output<typeof userResponse>;
export type OrgView = z.output<typeof orgResponse>;
export type SessionView = z.output<typeof sessionResponse>;
export type ApiKeyView = z.output<typeof apiKeyInfoResponse>;
export type IssuedApiKeyView = z.output<typeof issuedApiKeyResponse>;
export type InvitationView = z.output<typeof invitationResponse>;
export type TeamView = z.output<typeof teamResponse>;
