import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { rowsOf } from "@/db/sql";
import { createSession } from "@/lib/services/accounts";
import { addDaysToDate } from "@/lib/time/zones";
import type { BenchOrg } from "./generate";

// What the read scenarios share: tokens, the week they read, and a way to call a route
// handler in-process the way Next.js does.

export interface ReadContext {
  handle: DbHandle;
  org: BenchOrg;
  adminToken: string;
  memberToken: string;
  monday: string;
  sunday: string;
}

export async function readContext(handle: DbHandle, org: BenchOrg, days: number): Promise<ReadContext> {
  const adminToken = (await createSession(handle.db, { orgId: org.orgId, userId: org.adminId, kind: "password" })).accessToken;
  const memberToken = (await createSession(handle.db, { orgId: org.orgId, userId: org.memberId, kind: "password" })).accessToken;
  await handle.db.execute(sql`analyze auth_sessions`);
  const monday = addDaysToDate(org.firstDay, Math.max(0, Math.floor(days / 7) - 1) * 7);
  return { handle, org, adminToken, memberToken, monday, sunday: addDaysToDate(monday, 6) };
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler with a real Request; throws on anything but `status`. */
export async function callRoute(handler: Handler, method: string, path: string, token: string, body?: unknown, status = 200): Promise<unknown> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await handler(new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), {
    params: Promise.resolve({}),
  });
  if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

export async function explain(handle: DbHandle, statement: ReturnType<typeof sql>): Promise<string> {
  const rows = rowsOf<Record<string, string>>(await handle.db.execute(sql`explain (analyze, buffers) ${statement}`));
  return rows.map((r) => Object.values(r)[0]).join("\n");
}
