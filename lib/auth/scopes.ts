import { forbidden } from "@/lib/errors";

// API key scopes (like GitHub's fine-grained tokens): a key holds a set of them, and a
// route names the one it needs in its spec. Password and web sessions are not limited by
// scopes. Scopes only narrow a key: the permission checks of the services still apply.
export const SCOPES = ["time:read", "time:write", "timesheets:approve", "reports:read", "users:read", "users:write", "admin"] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  "time:read": "Read tracking: projects, tasks, time tracks and logs, the timer, activities, screenshots, timesheets",
  "time:write": "Track time: start and stop the timer, record time, activities and screenshots, submit timesheets",
  "timesheets:approve": "Review, approve and deny the timesheets the owner may approve",
  "reports:read": "Read reports and dashboards",
  "users:read": "Read users, teams, the organisation and its settings, API keys' metadata",
  "users:write": "Change your own profile; delete API keys",
  admin: "Administration: users, teams, invitations, organisation settings, sessions, reopening timesheets",
};

/**
 * What a route asks of a caller: a scope an API key must hold, `signed-in` (never an API
 * key, whatever its scopes: setting passwords, issuing keys), or `any` (every session,
 * e.g. logging out).
 */
export type RouteScope = Scope | "signed-in" | "any";

/** The scopes a user's role allows; a key gets them by default and may hold no other. */
export function scopesAllowed(owner: { role: "admin" | "member"; isManager: boolean }): Scope[] {
  if (owner.role === "admin") return [...SCOPES];
  // Members read dashboards of their own time (reports:read); /v1/reports still refuses them.
  const s: Scope[] = ["time:read", "time:write", "reports:read", "users:read", "users:write"];
  if (owner.isManager) s.push("timesheets:approve");
  return SCOPES.filter((x) => s.includes(x));
}

interface ScopedCaller {
  sessionKind: "password" | "api_key" | "web";
  scopes: readonly Scope[] | null;
}

/** The caller may do what `scope` covers: any non-key session, or a key that holds it. */
export function hasScope(c: ScopedCaller, scope: Scope): boolean {
  return c.scopes === null || c.scopes.includes(scope);
}

export function requireScope(c: ScopedCaller, scope: Scope): void {
  if (!hasScope(c, scope)) throw forbidden(`This API key lacks the scope ${scope}`);
}

/**
 * The powers no API key holds, whatever its scopes: setting or resetting a password,
 * creating or rotating API keys, creating, promoting or reactivating admins. A leaked key
 * must not become an account (or a key) that outlives the key's deletion.
 */
export function requireSignedIn(c: ScopedCaller, what: string): void {
  if (c.sessionKind === "api_key") throw forbidden(`${what} needs a signed-in session, not an API key`);
}

/** The wrapper's check of a route's declared scope. */
export function checkRouteScope(c: ScopedCaller, scope: RouteScope | undefined): void {
  if (scope === undefined || scope === "any") return;
  if (scope === "signed-in") return requireSignedIn(c, "This operation");
  requireScope(c, scope);
}
