"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { presentedAccessToken, SESSION_COOKIES } from "@/lib/auth/caller";
import { revokeByAccessToken } from "@/lib/services/accounts";

/** Signs out: revokes the server session behind the cookie, then drops the cookie. */
export async function signOutAction(): Promise<void> {
  const store = await cookies();
  const cookie = store
    .getAll()
    .map((c) => `${c.name}=${encodeURIComponent(c.value)}`)
    .join("; ");
  const token = await presentedAccessToken(new Request("http://internal/", { headers: { cookie } }));
  if (token) await revokeByAccessToken(await getDb(), token, "logout");
  for (const name of SESSION_COOKIES) {
    if (store.has(name)) store.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
  redirect("/sign-in");
}
