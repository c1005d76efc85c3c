import type { ZodType } from "zod";
import { FieldError, type AppError } from "@/lib/errors";

// Services name fields in the domain ("stoppedAt"); answers name them where the client sent
// them ("body.stoppedAt", "query.endDate"). The route's schemas say where: a field whose first
// segment is a key of the body (or multipart form) schema is in the body, else of the query
// schema in the query, else of the params schema in the path. A route whose wire names differ
// from the domain's declares them in its spec (`fields: { startedAt: "body.start" }`).

/** Where a route's input arrives: its schemas and the wire names that differ from the domain's. */
export interface WireSchemas {
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  form?: ZodType;
  fields?: Record<string, string>;
}

interface Def {
  type?: string;
  shape?: Record<string, unknown>;
  in?: ZodType;
  innerType?: ZodType;
  options?: ZodType[];
  left?: ZodType;
  right?: ZodType;
  getter?: () => ZodType;
}
const defOf = (schema: ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The top-level keys a schema reads (through pipes, wrappers, unions and intersections). */
function keysOf(schema: ZodType | undefined, out = new Set<string>(), depth = 0): Set<string> {
  if (!schema || depth > 20) return out;
  const def = defOf(schema);
  if (def.shape) for (const k of Object.keys(def.shape)) out.add(k);
  if (def.in) keysOf(def.in, out, depth + 1);
  if (def.innerType) keysOf(def.innerType, out, depth + 1);
  for (const o of def.options ?? []) keysOf(o, out, depth + 1);
  if (def.left) keysOf(def.left, out, depth + 1);
  if (def.right) keysOf(def.right, out, depth + 1);
  if (def.type === "lazy" && def.getter) keysOf(def.getter(), out, depth + 1);
  return out;
}

const cache = new WeakMap<WireSchemas, { body: Set<string>; query: Set<string>; params: Set<string> }>();
function keysOfRoute(spec: WireSchemas) {
  let keys = cache.get(spec);
  if (!keys) {
    keys = { body: keysOf(spec.form, keysOf(spec.body)), query: keysOf(spec.query), params: keysOf(spec.params) };
    cache.set(spec, keys);
  }
  return keys;
}

/** Already a wire path (the HTTP layer's own errors): `body`, `query.x`, `params.x`, `path`. */
const isWirePath = (field: string) => /^(body|query|params|path)(\.|$)/.test(field);

/** The wire path of a domain field on the route `spec` (a field found nowhere is taken to be in the body). */
export function wirePath(spec: WireSchemas, field: string): string {
  if (isWirePath(field)) return field;
  const declared = spec.fields?.[field];
  if (declared) return declared;
  const head = field.split(".")[0]!;
  const keys = keysOfRoute(spec);
  if (keys.body.has(head)) return `body.${field}`;
  if (keys.query.has(head)) return `query.${field}`;
  if (keys.params.has(head)) return `params.${field}`;
  return `body.${field}`;
}

/** The error as the client sees it: a FieldError's domain fields renamed to the route's wire paths. */
export function atWire(err: AppError, spec: WireSchemas): AppError {
  return err instanceof FieldError ? err.atWire((f) => wirePath(spec, f)) : err;
}
