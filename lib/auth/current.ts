import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { resolveCaller } from "@/lib/auth/caller";
import { hasPermission, type Caller, type Permission } from "@/lib/auth/permissions";

// Server components and server actions: the signed-in caller, read once per request, checked
// against the sessions table like every API request.
export const currentCaller = cache(async (): Promise<Caller | null> => {
  const h = await headers();
  const req = new Request("http://internal/", { headers: { cookie: h.get("cookie") ?? "" } });
  const { caller } = await resolveCaller(await getDb(), req);
  return caller;
});

export async function requireCaller(): Promise<Caller> {
  const caller = await currentCaller();
  if (!caller) redirect("/sign-in");
  return caller;
}

/** For pages a role may not see: answers 403 (app/forbidden.tsx), not an error. */
export async function requirePagePermission(permission: Permission): Promise<Caller> {
  const caller = await requireCaller();
  if (!hasPermission(caller, permission)) forbidden();
  return caller;
}
