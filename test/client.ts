import { routeTable } from "@/app/routes.generated";
import type { RouteHandler } from "@/lib/http/handler";
import { call, type CallOptions, type CallResult } from "./helpers";

// A typed test client over the generated route table (app/routes.generated.ts, kept fresh by
// npm run routes:generate and its staleness test): a route is named by its pattern and method,
// the path is filled from `params`, and a pattern or method that does not exist fails to compile.
// New tests use it instead of call() with a hand-written path.

type Entry = (typeof routeTable)[number];
type Routed = Extract<Entry, { catchAll: false }>;
export type Pattern = Routed["pattern"];
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type MethodOf<P extends Pattern> = Extract<keyof Extract<Routed, { pattern: P }>["module"], Method>;
type ParamNames<P extends string> = P extends `${string}{${infer N}}${infer R}` ? N | ParamNames<R> : never;
export type ApiOptions<P extends Pattern> = Omit<CallOptions, "params"> &
  ([ParamNames<P>] extends [never] ? { params?: undefined } : { params: Record<ParamNames<P>, string> });

export async function api<T = any, P extends Pattern = Pattern>(method: MethodOf<P>, pattern: P, ...rest: [ParamNames<P>] extends [never] ? [opts?: ApiOptions<P>] : [opts: ApiOptions<P>]): Promise<CallResult<T>> {
  const opts = (rest[0] ?? {}) as CallOptions;
  const entry = routeTable.find((r) => r.pattern === pattern);
  const handler = entry ? ((entry.module as Record<string, unknown>)[method as string] as RouteHandler | undefined) : undefined;
  if (!handler) throw new Error(`no route ${String(method)} ${pattern}`);
  const params = (opts.params ?? {}) as Record<string, string>;
  const path = pattern.replace(/\{([^}]+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? ""));
  return call<T>(handler, method as string, path, { ...opts, params });
}
