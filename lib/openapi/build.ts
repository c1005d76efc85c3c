import { z, type ZodType } from "zod";
import type { RouteHandler } from "@/lib/http/handler";
import { errorBody } from "@/lib/http/envelope";
import { families, familyOf, type Family } from "@/lib/http/families";
import { AppError, errorStatus, type ErrorCode } from "@/lib/errors";
import { seedExamples } from "./examples";

// The OpenAPI 3.1 document, generated from the route table and the zod schemas the handlers
// validate with, so it cannot drift from the code.

export interface RouteEntry {
  pattern: string;
  catchAll: boolean;
  summaries: Readonly<Record<string, string>>;
  module: Readonly<Record<string, unknown>>;
}

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type JsonSchema = Record<string, unknown>;

function toSchema(schema: ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete json.$schema;
  return json;
}

export function handlerOf(module: Readonly<Record<string, unknown>>, method: string): RouteHandler | undefined {
  const h = module[method] as RouteHandler | undefined;
  return typeof h === "function" && "spec" in h ? h : undefined;
}

/** Whether a request schema has a UUID anywhere (a row id the caller names). */
function namesIds(schema: ZodType | undefined): boolean {
  return !!schema && JSON.stringify(toSchema(schema)).includes('"format":"uuid"');
}

function parametersOf(schema: ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const json = toSchema(schema);
  const props = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || (required.has(name) && !("default" in s)),
    schema: s,
    ...(typeof s.description === "string" ? { description: s.description } : {}),
  }));
}

const familyTitles = Object.fromEntries(Object.values(families).map((f) => [f.name, f.title])) as Record<Family, string>;

/** The family a route declares (the catch-all 404s, which answer for every family, are not documented). */
function declaredFamily(spec: { family: Family | "by-url" }, pattern: string): Family {
  return spec.family === "by-url" ? familyOf(pattern) : spec.family;
}

// A paged list's answer is the plain array; these headers say how many rows exist and where the next page is.
const pageHeaderDocs = {
  "X-Total-Count": { description: "How many items all pages hold", schema: { type: "integer", minimum: 0 } },
  Link: {
    description: 'RFC 8288 link to the next page (`<https://…?offset=50&limit=50>; rel="next"`), sent only while more items exist',
    schema: { type: "string" },
  },
};

const errorDescriptions: Record<number, string> = {
  400: "Malformed request (bad JSON or path id)",
  401: "Missing or invalid credentials",
  403: "Not allowed for this caller",
  404: "Not found (also any id of another organisation)",
  405: "Method not allowed on this path (the Allow header lists the allowed methods)",
  409: "Conflict (overlap, running timer, illegal transition, duplicate)",
  410: "Gone (used or expired link)",
  413: "Body too large",
  415: "Unsupported media type (the upload is not one of the accepted types)",
  422: "Validation failed; the message names the field",
  423: "Locked (the entry's timesheet is submitted or approved)",
  429: "Too many requests",
  503: "Database unavailable",
};

/** The code each documented error status is shown with in the examples. */
const exampleCodes: Record<number, ErrorCode> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  410: "gone",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "validation_failed",
  423: "timesheet_locked",
  429: "rate_limited",
  503: "service_unavailable",
};

/** A real error body of the family (rendered by the same code as the answers). */
function errorExample(family: Family, status: number, description: string): unknown {
  const code = exampleCodes[status] ?? "internal";
  const err =
    status === 422
      ? new AppError(code, "body.startDate: is required", { field: "body.startDate" })
      : new AppError(code, description);
  return errorBody(family, err, false);
}

const examplesOf = (value: unknown, seed: string) => ({ seed: { summary: `Example from seed ${seed}`, value } });

const authDescription = `
## Authentication

Every operation marked with a lock needs a bearer token: \`Authorization: Bearer <accessToken>\`.

- **Password login**: \`POST /v1/auth/login\` with \`{ email, password }\` answers an access token (valid 1 day) and a
  refresh token (7 days from the session start). \`POST /v1/auth/refresh\` rotates both; presenting a used refresh
  token again revokes the whole session.
- **API-key login**: create a key with \`POST /v1/api-keys\` (shown once, then only by \`last4\`), exchange it at
  \`POST /v1/auth/api-key/login\` with \`{ apiKey }\` for an access token valid 15 minutes and a refresh token valid
  1 day (\`POST /v1/auth/api-key/refresh\`).
- **Scopes**: API keys carry scopes that limit what their sessions may do. Whatever its scopes, an API-key session
  may never set or reset a password, create or rotate keys, or create or promote admins.
- **Permissions**: admins hold every permission of their organisation; members hold \`TIME_TRACKER\`; team managers
  also \`CAN_APPROVE_TIMESHEET\` over their teams (shown on an operation as \`x-permission\`). Another
  organisation's id answers 404, a row of the own organisation the caller may not touch 403.
- **Web session**: the app's sign-in cookie is accepted only with a same-origin \`Origin\` header.

To try a request here: log in with the login operation, copy \`accessToken\` into the Bearer field of the
authentication box, and send.

## Errors

Each family answers errors in its own envelope (schemas \`v1Error\`, \`timesheetError\`, \`dashboardError\`,
\`powError\`): a validation failure is 422 and names the field (\`body.startDate\`, \`query.endDate\`).
`;

export function buildOpenApi(routes: readonly RouteEntry[], opts: { serverUrl?: string } = {}) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    if (r.catchAll) continue;
    for (const method of METHODS) {
      const h = handlerOf(r.module, method);
      if (!h) continue;
      const spec = h.spec;
      const family = declaredFamily(spec, r.pattern);
      const status = spec.status ?? 200;
      const secured = (spec.auth ?? "required") !== "none";
      const errors = new Set<number>([400, 422, 503]);
      if (secured) errors.add(401);
      if (spec.permission || secured) errors.add(403);
      // an id in the path, the query or the body may name a row the caller cannot see
      if (/\{/.test(r.pattern) || spec.rawBody || namesIds(spec.query) || namesIds(spec.body)) errors.add(404);
      if (method !== "GET") errors.add(409).add(413);
      if (spec.rawBody) errors.add(415);
      if (spec.throttled) errors.add(429);
      const scopeNote = !secured
        ? undefined
        : spec.scope === "signed-in"
          ? "Needs a signed-in session (password or web): API keys are refused whatever their scopes."
          : spec.scope && spec.scope !== "any"
            ? `API keys need the scope \`${spec.scope}\`.`
            : "Any session, API keys included.";
      const scopes = spec.scope && spec.scope !== "any" ? [spec.scope] : [];
      const example = seedExamples[`${method} ${r.pattern}`];
      const responses: Record<string, unknown> = {
        [String(status)]: {
          description: spec.message ?? "Success",
          content: {
            "application/json": {
              schema: families[family].successSchema(spec.response ? toSchema(spec.response) : {}),
              ...(example?.response !== undefined ? { examples: examplesOf(example.response, example.seed) } : {}),
            },
          },
          ...(spec.paginated ? { headers: pageHeaderDocs } : {}),
        },
      };
      for (const code of [...errors].sort()) {
        const description = errorDescriptions[code] ?? "Error";
        responses[String(code)] = {
          description,
          content: {
            "application/json": {
              schema: { $ref: `#/components/schemas/${families[family].errorSchemaName}` },
              examples: { error: { summary: `${familyTitles[family]} error envelope`, value: errorExample(family, code, description) } },
            },
          },
        };
      }
      (paths[r.pattern] ??= {})[method.toLowerCase()] = {
        operationId: `${method.toLowerCase()}${r.pattern.replace(/\{([^}]+)\}/g, "By-$1").replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
        summary: spec.summary ?? r.summaries[method] ?? `${method} ${r.pattern}`,
        tags: [familyTitles[family]],
        ...(scopeNote ? { description: scopeNote, "x-scopes": scopes } : {}),
        ...(spec.permission ? { "x-permission": spec.permission } : {}),
        // OpenAPI 3.1 lets a non-OAuth requirement list role names: here, the key's scope.
        security: secured ? [{ bearerAuth: scopes }, { sessionCookie: [] }] : [],
        parameters: [...parametersOf(spec.params, "path"), ...parametersOf(spec.query, "query")],
        ...(spec.body
          ? {
              requestBody: {
                required: true,
                content: {
                  "application/json": {
                    schema: toSchema(spec.body),
                    ...(example?.request !== undefined ? { examples: examplesOf(example.request, example.seed) } : {}),
                  },
                },
              },
            }
          : {}),
        ...(spec.rawBody
          ? { requestBody: { required: true, content: { "multipart/form-data": { schema: spec.form ? toSchema(spec.form) : { type: "object" } } } } }
          : {}),
        responses,
      };
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Timebase API",
      version: "1.0.0",
      description:
        "One data model behind three API families: the /v1 account and tracking API, the /api/timesheet API, and the /v1/dashboard productivity dashboards.\n" +
        authDescription +
        "\nError codes and statuses: " +
        Object.entries(errorStatus).map(([c, s]) => `${c} → ${s}`).join(", "),
    },
    ...(opts.serverUrl ? { servers: [{ url: opts.serverUrl }] } : {}),
    tags: Object.values(familyTitles).map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description:
            "An access token from POST /v1/auth/login (1 day) or POST /v1/auth/api-key/login with an API key (15 minutes; the key's scopes limit what it may do).",
        },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The web app's sign-in session." },
      },
      schemas: Object.fromEntries(Object.values(families).flatMap((f) => (f.errorSchema ? [[f.errorSchemaName, f.errorSchema]] : []))),
    },
  };
}
