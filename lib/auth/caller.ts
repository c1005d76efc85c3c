import type { Db } from "@/db/client";
import type { Caller } from "@/lib/auth/permissions";
import { authSecret } from "@/lib/auth/secret";
import { authenticateAccessToken } from "@/lib/services/accounts";
import { loadKnownZones } from "@/lib/time/db-zones";

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return ""; // a malformed escape: a credential that does not verify, not a server error
      }
    }
  }
  return undefined;
}

/** Where a request's credential comes from: the Authorization header wins over the cookie. */
export type CredentialSource = "bearer" | "cookie";

/** The access token a request presents: a bearer header, or the web sign-in cookie. */
export async function presentedAccessToken(req: Request): Promise<string | undefined> {
  return (await presentedCredential(req))?.token;
}

/** The access token a request presents and where it came from (the cookie needs CSRF checks). */
export async function presentedCredential(req: Request): Promise<{ token: string; source: CredentialSource } | undefined> {
  const auth = req.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return { token: m?.[1] ?? "", source: "bearer" };
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
      if (payload && typeof payload.accessToken === "string") return { token: payload.accessToken, source: "cookie" };
    } catch {
      return { token: "", source: "cookie" };
    }
  }
  return undefined;
}

export type CallerResult = { caller: Caller; source: CredentialSource } | { caller: null; presented: boolean };

export async function resolveCaller(db: Db, req: Request): Promise<CallerResult> {
  // pages and server actions parse zones too (lib/time/known-zones.ts); a failed load leaves
  // Intl's check for this request, and the session lookup below meets an unreachable database
  await loadKnownZones(db).catch(() => {});
  const presented = await presentedCredential(req);
  if (presented === undefined) return { caller: null, presented: false };
  const caller = presented.token ? await authenticateAccessToken(db, presented.token) : null;
  return caller ? { caller, source: presented.source } : { caller: null, presented: true };
}
