import { env } from "@/base/env";

// Links handed to people (invitations, set-password, screenshot files): absolute, on the app's
// public origin. Route handlers pass the origin the request reached (lib/http/origin.ts appOrigin:
// APP_URL when set, else the request's own); without one, APP_URL or the development default.
export function appUrl(path: string, origin?: string): string {
  return new URL(path, origin ?? env().APP_URL ?? "http://localhost:3000").toString();
}

export const invitationLink = (invId: string, token: string, origin?: string) =>
  appUrl(`/invite/${invId}?token=${encodeURIComponent(token)}`, origin);

export const setPasswordLink = (token: string, origin?: string) => appUrl(`/set-password?token=${encodeURIComponent(token)}`, origin);
