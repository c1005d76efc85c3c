import { AppError } from "@/lib/errors";
import { errorBody, familyOf } from "./envelope";
import { routeMethods } from "./route-methods.generated";

// Next.js answers a method a route file does not export with an empty 405 and no Allow header.
// The proxy asks this module first: the route table (generated from the route files) knows each
// path's methods, so a wrong method gets the family's envelope and an Allow header.

const HANDLED = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

type Segment = { kind: 0; value: string } | { kind: 1 } | { kind: 2 };
interface CompiledRoute {
  pattern: string;
  methods: readonly string[];
  segments: Segment[];
}

function compile(pattern: string): Segment[] {
  return pattern
    .split("/")
    .filter(Boolean)
    .map((s): Segment => (/^\{.+\*\}$/.test(s) ? { kind: 2 } : /^\{.+\}$/.test(s) ? { kind: 1 } : { kind: 0, value: s }));
}

const routes: CompiledRoute[] = routeMethods.map((r) => ({ ...r, segments: compile(r.pattern) }));

function matches(segments: Segment[], parts: string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (seg.kind === 2) return parts.length > i;
    if (i >= parts.length) return false;
    if (seg.kind === 0 && seg.value !== parts[i]) return false;
  }
  return parts.length === segments.length;
}

/** Next.js's precedence: at the first differing depth a static segment beats a dynamic one, which beats a catch-all. */
function morePrecise(a: Segment[], b: Segment[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i]!.kind !== b[i]!.kind) return a[i]!.kind < b[i]!.kind;
  }
  return a.length > b.length;
}

/** The route file that serves `pathname`, as Next.js would pick it. */
export function routeFor(pathname: string): CompiledRoute | undefined {
  let parts: string[];
  try {
    parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  let best: CompiledRoute | undefined;
  for (const r of routes) {
    if (matches(r.segments, parts) && (!best || morePrecise(r.segments, best.segments))) best = r;
  }
  return best;
}

/** The Allow header of a route: its methods, HEAD with GET, and OPTIONS (both answered by Next.js). */
export function allowOf(methods: readonly string[]): string {
  return [...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
}

/** A 405 in the family's envelope when the route exists but lacks the method; null otherwise. */
export function methodNotAllowed(req: Request): Response | null {
  const method = req.method.toUpperCase();
  if (!HANDLED.has(method)) return null;
  const { pathname } = new URL(req.url);
  const route = routeFor(pathname);
  if (!route || route.methods.includes(method)) return null;
  const allow = allowOf(route.methods);
  const err = new AppError("method_not_allowed", `${method} is not allowed on ${route.pattern}; allowed: ${allow}`, { allow: allow.split(", ") });
  const incoming = req.headers.get("x-request-id");
  const requestId = incoming && /^[\w.-]{8,100}$/.test(incoming) ? incoming : crypto.randomUUID();
  return Response.json(errorBody(familyOf(pathname), err, req.headers.has("authorization")), {
    status: 405,
    headers: { allow, "cache-control": "no-store", "x-request-id": requestId },
  });
}
