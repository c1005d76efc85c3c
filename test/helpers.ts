import { randomUUID } from "node:crypto";
import { getDb, type Db } from "@/db/client";
import { organizations, teamMembers, teams, userEmails, users } from "@/db/schema";
import type { RouteHandler } from "@/lib/http/handler";
import { createSession, type SessionKind } from "@/lib/services/accounts";

export const db = (): Promise<Db> => getDb();

export interface TestUser {
  id: string;
  email: string;
  token: string;
  role: "admin" | "member";
}

export interface TestOrg {
  id: string;
  admin: TestUser;
  manager: TestUser;
  member: TestUser;
  /** A member of no team the manager manages. */
  outsider: TestUser;
  teamId: string;
}

export async function addUser(
  orgId: string,
  opts: { role?: "admin" | "member"; timeZone?: string; firstName?: string; lastName?: string; sessionKind?: SessionKind } = {},
): Promise<TestUser> {
  const d = await db();
  const id = randomUUID();
  const email = `u-${id.slice(0, 8)}@example.test`;
  const role = opts.role ?? "member";
  await d.insert(users).values({
    organizationId: orgId,
    id,
    email,
    role,
    firstName: opts.firstName ?? "Test",
    lastName: opts.lastName ?? id.slice(0, 6),
    timeZone: opts.timeZone ?? "UTC",
  });
  await d.insert(userEmails).values({ email, organizationId: orgId, userId: id });
  const { accessToken } = await createSession(d, { orgId, userId: id, kind: opts.sessionKind ?? "password" });
  return { id, email, token: accessToken, role };
}

/** A fresh organisation: an admin, a manager of a team holding `member`, and an outsider. */
export async function makeOrg(opts: { timeZone?: string } = {}): Promise<TestOrg> {
  const d = await db();
  const [org] = await d.insert(organizations).values({ name: `Org ${randomUUID().slice(0, 8)}` }).returning();
  const orgId = org!.id;
  const admin = await addUser(orgId, { role: "admin", timeZone: opts.timeZone });
  const manager = await addUser(orgId, { timeZone: opts.timeZone });
  const member = await addUser(orgId, { timeZone: opts.timeZone });
  const outsider = await addUser(orgId, { timeZone: opts.timeZone });
  const [team] = await d.insert(teams).values({ organizationId: orgId, name: "Team A" }).returning();
  await d.insert(teamMembers).values([
    { organizationId: orgId, teamId: team!.id, userId: manager.id, isManager: true },
    { organizationId: orgId, teamId: team!.id, userId: member.id, isManager: false },
  ]);
  return { id: orgId, admin, manager, member, outsider, teamId: team!.id };
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  rawBody?: BodyInit;
  params?: Record<string, string | string[]>;
  query?: Record<string, string | number | boolean | string[] | undefined>;
  headers?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls a real route handler the way Next.js does, with a real Request. */
export async function call<T = any>(
  handler: RouteHandler | ((req: Request, ctx: any) => Promise<Response>),
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<CallResult<T>> {
  const url = new URL(path, "http://localhost:3000");
  for (const [k, v] of Object.entries(opts.query ?? {})) {
    if (v === undefined) continue;
    if (Array.isArray(v)) v.forEach((x) => url.searchParams.append(k, x));
    else url.searchParams.set(k, String(v));
  }
  const headers = new Headers(opts.headers);
  if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
  let body: BodyInit | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers.set("content-type", "application/json");
  }
  const req = new Request(url, { method, headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (images, CSV)
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}
