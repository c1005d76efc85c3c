import type { Db } from "@/db/client";
import type { Caller } from "@/lib/auth/permissions";
import { authSecret } from "@/lib/auth/secret";
import { authenticateAccessToken } from "@/lib/services/sessions";
import { loadKnownZones } from "@/lib/time/db-zones";

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

/** The access token a request presents: a bearer header, or the web sign-in cookie. */
export async function presentedAccessToken(req: Request): Promise<string | undefined> {
  const auth = req.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return m?.[1] ?? "";
  }
  const cookie = req.headers.get("cookie");
  for (const name of SESSION_COOKIES) {
    const jwt = readCookie(cookie, name);
    if (!jwt) continue;
    // The web session's JWT only wraps a server-side session token, so revoking the
    // session row ends the web session on the next request.
    const { decode } = await import("next-auth/jwt");
    try {
      const payload = await decode({ token: jwt, secret: authSecret() });
      if (payload && typeof payload.accessToken === "string") return payload.accessToken;
    } catch {
      return "";
    }
  }
  return undefined;
}

export type CallerResult = { caller: Caller } | { caller: null; presented: boolean };

export async function resolveCaller(db: Db, req: Request): Promise<CallerResult> {
  // pages and server actions parse zones too (lib/time/known-zones.ts); a failed load leaves
  // Intl's check for this request, and the session lookup below meets an unreachable database
  await loadKnownZones(db).catch(() => {});
  const token = await presentedAccessToken(req);
  if (token === undefined) return { caller: null, presented: false };
  const caller = token ? await authenticateAccessToken(db, token) : null;
  return caller ? { caller } : { caller: null, presented: true };
}
