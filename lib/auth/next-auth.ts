import type { AuthOptions, User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { env } from "@/base/env";
import { AppError } from "@/lib/errors";
import { authSecret } from "@/lib/auth/secret";
import { clientAddressFromHeaders } from "@/lib/http/origin";
import { signInWeb, revokeByAccessToken, SESSION_LIFETIMES } from "@/lib/services/accounts";
import { loginBody } from "@/lib/validation/accounts";

// Web sign-in: next-auth's encrypted JWT cookie only wraps the access token of a server
// session (kind "web"), so every API call and page re-checks that row: revoking it, or
// deactivating the user, ends the web session on the next request.

export type WebUser = User & { accessToken: string; orgId: string };

/** Checks e-mail and password and opens a web session; null when they do not match. */
export async function authorizeCredentials(
  credentials: Record<string, string> | undefined,
  headers: Record<string, string | string[] | undefined> = {},
): Promise<WebUser | null> {
  const parsed = loginBody.safeParse({ email: credentials?.email, password: credentials?.password });
  if (!parsed.success) return null;
  const ua = headers["user-agent"];
  try {
    const { user, tokens } = await signInWeb(await getDb(), parsed.data, {
      userAgent: Array.isArray(ua) ? ua[0] : ua,
      // the same address the API's login throttle counts (lib/http/origin.ts)
      ipAddress: clientAddressFromHeaders(headers),
    });
    return {
      id: user.id,
      email: user.email,
      name: `${user.firstName} ${user.lastName}`.trim() || user.email,
      accessToken: tokens.accessToken,
      orgId: user.organizationId,
    };
  } catch (err) {
    if (err instanceof AppError && err.code === "password_expired") throw new Error("password_expired");
    if (err instanceof AppError && err.code === "invalid_credentials") return null;
    throw err;
  }
}

/** Ends the server session behind a web JWT (sign-out). */
export async function revokeWebSession(token: Record<string, unknown> | null | undefined): Promise<void> {
  const accessToken = token?.accessToken;
  if (typeof accessToken !== "string") return;
  await revokeByAccessToken(await getDb(), accessToken, "logout");
}

export function authOptions(): AuthOptions {
  // next-auth builds its own URLs from NEXTAUTH_URL; default it to the app's public URL.
  process.env.NEXTAUTH_URL ??= env().APP_URL ?? "http://localhost:3000";
  const maxAge = Math.floor(SESSION_LIFETIMES.web.session / 1000);
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    pages: { signIn: "/sign-in", signOut: "/sign-out", error: "/sign-in" },
    providers: [
      Credentials({
        name: "E-mail and password",
        credentials: {
          email: { label: "E-mail", type: "email" },
          password: { label: "Password", type: "password" },
        },
        authorize: (credentials, req) => authorizeCredentials(credentials, req.headers ?? {}),
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as WebUser;
          token.accessToken = u.accessToken;
          token.orgId = u.orgId;
        }
        return token;
      },
      // The browser sees who is signed in, never the access token.
      async session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub, orgId: token.orgId } };
      },
    },
    events: {
      signOut: ({ token }) => revokeWebSession(token),
    },
  };
}
