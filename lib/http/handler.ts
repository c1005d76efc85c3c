import { randomUUID } from "node:crypto";
import { z, type ZodType } from "zod";
import { getDb, type Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { isExclusionViolation, isRetryable, isUnavailable, pgErrorOf } from "@/lib/db-errors";
import { resolveCaller } from "@/lib/auth/caller";
import { loadKnownZones } from "@/lib/time/db-zones";
import { requirePermission, type Caller, type Permission } from "@/lib/auth/permissions";
import { checkRouteScope, type RouteScope } from "@/lib/auth/scopes";
import { errorBody, familyOf, successBody, type Family } from "./envelope";
import { log } from "./log";
import { zodToAppError } from "./zod-error";
import { atWire } from "./wire-fields";
import { isPage, isPaged, pageHeaders } from "./pagination";
import { breakerOpen, tripBreaker, unavailable, withDeadline } from "./db-breaker";
import { readBodyLimited } from "./body";
import { appOrigin } from "./origin";
import { claimIdempotencyKey, requestFingerprint, type IdempotencyClaim } from "./idempotency";
import { checkResponse, checkResponses } from "./check-response";

type AuthMode = "required" | "optional" | "none";

export interface HandlerArgs<P, Q, B, A extends AuthMode> {
  req: Request;
  db: Db;
  caller: A extends "required" ? Caller : Caller | null;
  params: P;
  query: Q;
  body: B;
  requestId: string;
}

/** A route's declaration without its family (v1Route and the others add it). */
export interface RouteSpecOf<P, Q, B, A extends AuthMode> {
  /** Who may call: a valid token or web session (default), optional, or none. */
  auth?: A;
  /**
   * What an API-key session needs to call the route: a scope the key holds, `signed-in`
   * (never with an API key) or `any`. Declared on every route with auth (a test checks it);
   * password and web sessions are not limited by scopes.
   */
  scope?: RouteScope;
  /** The organisation-level permission the route needs (checked after auth). */
  permission?: Permission;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /**
   * Wire paths of the domain fields a service names that this route calls differently
   * (`{ startedAt: "body.start" }`); every other field is found in the schemas (lib/http/wire-fields.ts).
   */
  fields?: Record<string, string>;
  /** Largest accepted body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** The handler reads the body itself (multipart uploads). */
  rawBody?: boolean;
  /** OpenAPI only: the fields of a rawBody route's multipart form (files as `z.file()`). */
  form?: ZodType;
  status?: number;
  /** Honour an Idempotency-Key header (agent uploads): same key and body replay the first answer. */
  idempotent?: boolean;
  /** The service throttles attempts (429 with Retry-After); documented in the OpenAPI answers. */
  throttled?: boolean;
  /**
   * A paged list: the query parses to `{ limit, offset }` (pageParams), the handler returns
   * `{ items, total }`, and the answer is the plain array with X-Total-Count and Link headers.
   */
  paginated?: boolean;
  /** statusMessage of the dashboard family's envelope. */
  message?: string;
  /** OpenAPI: a short summary. */
  summary?: string;
  /**
   * The success answer's schema (without the family's envelope; a paged list: the array). It
   * is the view: the service builds the answer typed as its `z.output`, clients import that
   * type, the OpenAPI document shows it, and outside production every answer is checked
   * against it (lib/http/check-response.ts). The rule: views are applied in the service layer
   * in every family, and a handler passes the service's answer on. Not yet moved (issue 15):
   * the /v1 account and tracking routes still call the view functions (userView, taskView, …).
   */
  response?: ZodType;
  handler: (args: HandlerArgs<P, Q, B, A>) => Promise<unknown>;
}

export interface RouteSpec<P, Q, B, A extends AuthMode> extends RouteSpecOf<P, Q, B, A> {
  /**
   * The API family whose conventions (envelope, error codes, OpenAPI schemas: lib/http/families.ts)
   * the route follows. `by-url` only for the catch-all 404s, which answer for every family.
   */
  family: Family | "by-url";
}

export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = ((req: Request, ctx: RouteContext) => Promise<Response>) & {
  spec: RouteSpec<unknown, unknown, unknown, AuthMode>;
};

const DEFAULT_MAX_BODY = 1024 * 1024;
const MAX_RETRIES = 3;

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

function parseJson(bytes: Buffer): unknown {
  const text = bytes.toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "body: malformed JSON", { field: "body" });
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const mediaType = (req: Request) => (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();

/**
 * Cross-site request forgery: a request authenticated by the web session cookie that changes
 * state must come from the app's own pages. Its Origin must be the app's origin (or, without
 * Origin, Sec-Fetch-Site must say same-origin), else 403 csrf_rejected. Bearer requests carry
 * their credential explicitly and are not checked.
 */
function assertSameOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  const ok = origin !== null ? origin === appOrigin(req) : req.headers.get("sec-fetch-site") === "same-origin";
  if (!ok) throw new AppError("csrf_rejected", "Cross-site request refused: a request signed in with the session cookie must come from this app's pages");
}

/**
 * A cookie request's body must have a type no HTML form can send without CORS: JSON (multipart
 * for upload routes), or no body and no type at all. Otherwise 415, so a text/plain "form" is
 * never read as JSON.
 */
function assertCookieBodyType(req: Request, bytes: Buffer, multipart: boolean): void {
  const type = mediaType(req);
  if (type === "" && bytes.length === 0) return;
  const allowed = multipart ? type === "multipart/form-data" : type === "application/json";
  if (!allowed) {
    throw new AppError("unsupported_media_type", `body: a request signed in with the session cookie must send ${multipart ? "multipart/form-data" : "application/json"}`, { field: "body" });
  }
}

/** Route params as Next decoded them; a malformed percent-escape is the client's error (400). */
async function routeParams(ctx: RouteContext): Promise<Record<string, string | string[] | undefined>> {
  let params: Record<string, string | string[] | undefined>;
  try {
    params = (await ctx.params) ?? {};
  } catch {
    throw badPath();
  }
  for (const v of Object.values(params)) {
    for (const s of Array.isArray(v) ? v : [v]) if (s !== undefined && /%(?![0-9a-f]{2})/i.test(s)) throw badPath();
  }
  return params;
}
const badPath = () => new AppError("bad_request", "path: malformed percent-escape", { field: "path" });

/** Throws 400 when the path holds a percent-escape that does not decode (e.g. /v1/users/%E0%A4%A). */
function assertDecodablePath(pathname: string): void {
  try {
    decodeURIComponent(pathname);
  } catch {
    throw badPath();
  }
}

function parseWith<T>(schema: ZodType<T> | undefined, value: unknown, where: "params" | "query" | "body"): T {
  if (!schema) return value as T;
  const result = schema.safeParse(value);
  if (!result.success) throw zodToAppError(result.error, where);
  return result.data;
}

/** Maps anything thrown below the handler to the one error type. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof z.ZodError) return zodToAppError(err, "body");
  if (isUnavailable(err)) return unavailable();
  if (isExclusionViolation(err)) return new AppError("time_entry_overlap", "The entry overlaps another entry of the same user");
  const pg = pgErrorOf(err);
  if (pg?.code === "23505") return new AppError("conflict", "A conflicting record already exists");
  if (pg?.code === "23514") return new AppError("validation_failed", `A value breaks the rule ${pg.constraint ?? "of the record"}`);
  // 22021/22P05: a NUL or untranslatable character in text; 22003: a number out of range (found by test/hardening/fuzz)
  if (pg?.code && ["22P02", "22007", "22008", "22021", "22P05", "22003"].includes(pg.code)) return new AppError("bad_request", "A value has an invalid format");
  return new AppError("internal", "Internal server error");
}

export function renderError(err: AppError, family: Family, requestId: string, hadAuthHeader: boolean): Response {
  const headers: Record<string, string> = { "x-request-id": requestId, "cache-control": "no-store", ...err.headers };
  if (err.status === 401) headers["www-authenticate"] = 'Bearer realm="timebase"';
  return Response.json(errorBody(family, err, hadAuthHeader), { status: err.status, headers });
}

export function route<P = undefined, Q = undefined, B = undefined, A extends AuthMode = "required">(
  spec: RouteSpec<P, Q, B, A>,
): RouteHandler {
  const fn = async (req: Request, ctx: RouteContext): Promise<Response> => {
    const started = performance.now();
    const incoming = req.headers.get("x-request-id");
    const requestId = incoming && /^[\w.-]{8,100}$/.test(incoming) ? incoming : randomUUID();
    const url = new URL(req.url);
    const family = spec.family === "by-url" ? familyOf(url.pathname) : spec.family;
    const hadAuthHeader = req.headers.has("authorization");
    let caller: Caller | null = null;
    let response: Response;
    try {
      if (breakerOpen()) throw unavailable();
      response = await withDeadline(serve(), Date.now());
    } catch (err) {
      if (isUnavailable(err)) tripBreaker();
      // services name fields in the domain; the answer names them where this route takes them
      const appErr = atWire(toAppError(err), spec);
      if (appErr.status >= 500 && appErr.code !== "service_unavailable") {
        log("error", { requestId, msg: "request failed", error: err instanceof Error ? { message: err.message, stack: err.stack } : String(err) });
      }
      response = renderError(appErr, family, requestId, hadAuthHeader);
    }
    return finish(response);

    async function serve(): Promise<Response> {
      const db = await getDb();
      // the zone schemas check against the database's list, loaded once per process; routes
      // without input (the liveness probe) skip it, and a load that fails for another reason than
      // an unreachable database falls back to Intl for this request (the next one retries)
      if (spec.query || spec.body || spec.rawBody) {
        await loadKnownZones(db).catch((err: unknown) => {
          if (isUnavailable(err)) throw err;
        });
      }
      const mode = spec.auth ?? "required";
      assertDecodablePath(url.pathname);
      let viaCookie = false;
      if (mode !== "none") {
        const resolved = await resolveCaller(db, req);
        caller = resolved.caller ? { ...resolved.caller, origin: appOrigin(req) } : null;
        viaCookie = "source" in resolved && resolved.source === "cookie";
        if (!caller && mode === "required") {
          throw new AppError("unauthorized", "presented" in resolved && resolved.presented ? "Invalid or expired credentials" : "Missing credentials: send an Authorization: Bearer header");
        }
      }
      const unsafe = !SAFE_METHODS.has(req.method.toUpperCase());
      if (viaCookie && unsafe) assertSameOrigin(req);
      if (caller) checkRouteScope(caller, spec.scope);
      if (spec.permission && caller) requirePermission(caller, spec.permission);
      // The body is read once, as a stream that stops at the limit, before anything hashes or parses it.
      const bytes = unsafe ? await readBodyLimited(req, spec.maxBodyBytes ?? DEFAULT_MAX_BODY) : Buffer.alloc(0);
      if (viaCookie && unsafe) assertCookieBodyType(req, bytes, spec.rawBody === true);
      // raw-body handlers (multipart) read the bytes already held, through a request of their own
      const handlerReq = spec.rawBody && unsafe ? new Request(req.url, { method: req.method, headers: req.headers, body: new Uint8Array(bytes) }) : req;
      let claim: IdempotencyClaim | undefined;
      const idempotencyKey = spec.idempotent && caller ? req.headers.get("idempotency-key") : null;
      if (idempotencyKey !== null && caller) {
        claim = await claimIdempotencyKey(db, caller, idempotencyKey, requestFingerprint(req, bytes));
        if (claim.kind === "replay") {
          return Response.json(claim.body, { status: claim.status, headers: { "x-request-id": requestId, "cache-control": "no-store", "idempotent-replayed": "true" } });
        }
      }
      let res: Response;
      try {
        res = await run(db, handlerReq, bytes);
      } catch (err) {
        if (claim?.kind === "claimed") await claim.release().catch(() => {});
        throw err;
      }
      if (claim?.kind === "claimed") {
        if (res.status < 500 && res.headers.get("content-type")?.includes("json")) {
          await claim.complete(res.status, await res.clone().json());
        } else {
          await claim.release();
        }
      }
      return res;
    }

    async function run(db: Db, req: Request, bytes: Buffer): Promise<Response> {
      const params = parseWith(spec.params, await routeParams(ctx), "params");
      const query = parseWith(spec.query, queryObject(url), "query");
      const body = spec.rawBody ? (undefined as B) : parseWith(spec.body, parseJson(bytes), "body");
      let result: unknown;
      // A serialization failure (40001) or deadlock (40P01) means PostgreSQL rolled the whole
      // transaction back and wrote nothing, and its documented remedy is to run it again from
      // the start. Concurrent writers meet here: two writes of one user wait on the user lock
      // and the exclusion constraints, dashboard reads upsert the same rollup rows. Re-running
      // is safe for every handler because each keeps its database writes in one transaction
      // (services use inTx) and undoes its side effects outside the database when that
      // transaction fails: screenshot and profile-picture uploads delete the objects they
      // stored, so a retry stores fresh ones. A handler that called out (e-mail, webhooks)
      // before committing would not be safe to re-run: such work must be queued in the transaction.
      for (let attempt = 1; ; attempt++) {
        try {
          result = await spec.handler({ req, db, caller: caller as HandlerArgs<P, Q, B, A>["caller"], params, query, body, requestId });
          break;
        } catch (err) {
          if (attempt < MAX_RETRIES && isRetryable(err)) continue;
          throw err;
        }
      }
      if (result instanceof Response) {
        if (checkResponses && spec.response && result.ok && result.headers.get("content-type")?.includes("json")) {
          checkResponse(spec.response, await result.clone().json(), `${req.method} ${url.pathname}`);
        }
        result.headers.set("x-request-id", requestId);
        return result;
      }
      const status = spec.status ?? 200;
      const headers: Record<string, string> = { "x-request-id": requestId, "cache-control": "no-store" };
      if (spec.paginated) {
        if (!isPaged(result) || !isPage(query)) throw new Error("a paginated route must parse pageParams and return { items, total }");
        // the next page's link is on the public origin, like every link the app hands out
        Object.assign(headers, pageHeaders(new URL(url.pathname + url.search, appOrigin(req)), query, result.total));
        result = result.items;
      }
      if (checkResponses && spec.response) checkResponse(spec.response, result, `${req.method} ${url.pathname}`);
      return Response.json(successBody(family, result ?? null, status, spec.message ?? "OK"), { status, headers });
    }

    function finish(res: Response): Response {
      log("info", {
        requestId,
        method: req.method,
        path: url.pathname,
        status: res.status,
        ms: Math.round(performance.now() - started),
        orgId: caller?.orgId,
        userId: caller?.userId,
      });
      return res;
    }
  };
  return Object.assign(fn, { spec: spec as unknown as RouteSpec<unknown, unknown, unknown, AuthMode> });
}

type Declared = <P = undefined, Q = undefined, B = undefined, A extends AuthMode = "required">(spec: RouteSpecOf<P, Q, B, A>) => RouteHandler;
const routeOf =
  (family: Family): Declared =>
  (spec) =>
    route({ ...spec, family });

/** A route of the /v1 account and tracking API. */
export const v1Route: Declared = routeOf("v1");
/** A route of the /api/timesheet family (and the other /api routes). */
export const timesheetRoute: Declared = routeOf("timesheet");
/** A route of the /v1/dashboard family. */
export const dashboardRoute: Declared = routeOf("dashboard");
/** A route of the /v1/proof-of-work family. */
export const powRoute: Declared = routeOf("pow");
