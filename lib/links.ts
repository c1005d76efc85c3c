import { env } from "@/lib/env";

// Links handed to people (invitations, set-password): absolute, on the app's public URL.
export function appUrl(path: string): string {
  return new URL(path, env().APP_URL).toString();
}

export const invitationLink = (invId: string, token: string) =>
  appUrl(`/invite/${invId}?token=${encodeURIComponent(token)}`);

export const setPasswordLink = (token: string) => appUrl(`/set-password?token=${encodeURIComponent(token)}`);
