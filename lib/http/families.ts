import type { AppError } from "@/lib/errors";

// The four API families, each declared once: the envelope its seed shows (SPEC.md, "Response
// shapes"), the OpenAPI schemas of that envelope and the style of its error codes. A route names
// its family in its spec (v1Route, timesheetRoute, dashboardRoute, powRoute in handler.ts); the
// route wrapper renders answers and lib/openapi/build.ts documents them from this one table.

export type Family = "v1" | "timesheet" | "dashboard" | "pow";
type JsonSchema = Record<string, unknown>;

export interface FamilyDefinition {
  name: Family;
  /** The OpenAPI tag of its operations. */
  title: string;
  /** The URL prefix its routes live under (a test checks every route's declared family against it). */
  prefix: string;
  /** `snake_case` codes as in lib/errors.ts, or the dashboards' documented `UPPER_CASE` codes. */
  errorCodeStyle: "snake_case" | "UPPER_CASE";
  successBody(data: unknown, status: number, message: string): unknown;
  errorBody(err: AppError, hadAuthHeader: boolean): unknown;
  /** OpenAPI: the success answer's schema around the route's own response schema. */
  successSchema(data: JsonSchema): JsonSchema;
  /** OpenAPI: the components/schemas entry of its error envelope, and that schema when it is its own. */
  errorSchemaName: string;
  errorSchema?: JsonSchema;
}

const details = (err: AppError) => (err.details ? { details: err.details } : {});

// The vendor's documented upper-case codes for the dashboard family.
function dashboardCode(err: AppError, hadAuthHeader: boolean): string {
  if (err.code === "unauthorized") return hadAuthHeader ? "INVALID_TOKEN" : "AUTHORIZATION_HEADER_MISSING";
  if (err.code === "validation_failed" || err.code === "bad_request") return "REQUEST_VALIDATION_FAILED";
  return err.code.toUpperCase();
}

function dashboardError(err: AppError, hadAuthHeader: boolean): unknown {
  return {
    success: false,
    statusCode: err.status,
    statusMessage: err.message,
    data: null,
    error: { message: err.message, code: dashboardCode(err, hadAuthHeader), ...details(err) },
  };
}

const v1: FamilyDefinition = {
  name: "v1",
  title: "Account and tracking API (/v1)",
  prefix: "/v1",
  errorCodeStyle: "snake_case",
  successBody: (data) => data,
  errorBody: (err) => ({ message: err.message, code: err.code, ...details(err) }),
  successSchema: (data) => data,
  errorSchemaName: "v1Error",
  errorSchema: { type: "object", required: ["message", "code"], properties: { message: { type: "string" }, code: { type: "string" }, details: { type: "object" } } },
};

const timesheet: FamilyDefinition = {
  name: "timesheet",
  title: "Timesheet API (/api/timesheet)",
  prefix: "/api",
  errorCodeStyle: "snake_case",
  successBody: (data) => data,
  errorBody: (err) => ({ statusCode: err.status, error: err.code, message: err.message, ...details(err) }),
  successSchema: (data) => data,
  errorSchemaName: "timesheetError",
  errorSchema: {
    type: "object",
    required: ["statusCode", "error", "message"],
    properties: { statusCode: { type: "integer" }, error: { type: "string" }, message: { type: "string" }, details: { type: "object" } },
  },
};

const dashboard: FamilyDefinition = {
  name: "dashboard",
  title: "Dashboards (/v1/dashboard)",
  prefix: "/v1/dashboard",
  errorCodeStyle: "UPPER_CASE",
  successBody: (data, status, message) => ({ success: true, statusCode: status, statusMessage: message, error: null, data }),
  errorBody: dashboardError,
  successSchema: (data) => ({
    type: "object",
    required: ["success", "statusCode", "statusMessage", "error", "data"],
    properties: { success: { const: true }, statusCode: { type: "integer" }, statusMessage: { type: "string" }, error: { type: "null" }, data },
  }),
  errorSchemaName: "dashboardError",
  errorSchema: {
    type: "object",
    required: ["success", "statusCode", "statusMessage", "data", "error"],
    properties: {
      success: { const: false },
      statusCode: { type: "integer" },
      statusMessage: { type: "string" },
      data: { type: "null" },
      error: { type: "object", required: ["message", "code"], properties: { message: { type: "string" }, code: { type: "string" } } },
    },
  },
};

/** Proof of work keeps its own success envelope but answers errors as the dashboards do (SPEC.md). */
const pow: FamilyDefinition = {
  name: "pow",
  title: "Proof of work (/v1/proof-of-work)",
  prefix: "/v1/proof-of-work",
  errorCodeStyle: "UPPER_CASE",
  successBody: (data, status, message) => ({ statusCode: status, statusMessage: message, error: null, response: data }),
  errorBody: dashboardError,
  successSchema: (data) => ({
    type: "object",
    required: ["statusCode", "statusMessage", "error", "response"],
    properties: { statusCode: { type: "integer" }, statusMessage: { type: "string" }, error: { type: "null" }, response: data },
  }),
  errorSchemaName: "dashboardError",
};

/** Every family, in the order the OpenAPI document lists them. */
export const families: Readonly<Record<Family, FamilyDefinition>> = { v1, timesheet, dashboard, pow };

/**
 * The family a URL belongs to by the prefix convention: only for answers given without a route
 * spec (the proxy's 400 and 405, the catch-all 404s). Longest prefix wins.
 */
export function familyOf(pathname: string): Family {
  const byPrefix = Object.values(families).sort((a, b) => b.prefix.length - a.prefix.length);
  for (const f of byPrefix) if (pathname.startsWith(f.prefix)) return f.name;
  return "timesheet";
}
