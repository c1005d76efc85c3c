// The one error type of the domain. Services raise it without knowing about HTTP;
// lib/http maps each code to a status and renders the envelope of the API family.
export const errorStatus = {
  bad_request: 400,
  validation_failed: 422,
  weak_password: 422,
  unauthorized: 401,
  invalid_credentials: 401,
  refresh_token_reused: 401,
  password_expired: 401,
  forbidden: 403,
  csrf_rejected: 403,
  screenshots_disabled: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  email_taken: 409,
  last_admin: 409,
  external_id_taken: 409,
  timer_already_running: 409,
  timer_not_running: 409,
  time_entry_overlap: 409,
  invalid_transition: 409,
  task_closed: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  timesheet_locked: 423,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  /** Extra response headers (Retry-After, Allow, …). */
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, headers?: Record<string, string>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const forbidden = (message = "You do not have permission to do this") => new AppError("forbidden", message);
/** How a reason names another field: its wire name in an answer, its domain name elsewhere. */
export type FieldReason = string | ((nameOf: (field: string) => string) => string);

/**
 * A failure that names one input field by its domain name ("stoppedAt", "activities.3.url"):
 * services speak the domain. The HTTP layer renames the field to its wire path ("body.stoppedAt",
 * "query.endDate", or the route's own name such as "body.end") with `atWire` before answering.
 * Message "<field>: <reason>", details `{ field }`.
 */
export class FieldError extends AppError {
  readonly field: string;
  readonly reason: FieldReason;

  constructor(code: ErrorCode, field: string, reason: FieldReason) {
    // Outside a route (a script, a service test) the message names the field where most routes
    // take it, the body: "body.stoppedAt: must be after startedAt". `field` keeps the domain name.
    super(code, `body.${field}: ${typeof reason === "string" ? reason : reason((f) => f)}`, { field: `body.${field}` });
    this.field = field;
    this.reason = reason;
  }

  /** The same failure with every field named by its wire path (`wirePath` maps a domain field). */
  atWire(wirePath: (field: string) => string): AppError {
    const path = wirePath(this.field);
    const leaf = (f: string) => {
      const p = wirePath(f);
      return p.slice(p.lastIndexOf(".") + 1);
    };
    const reason = typeof this.reason === "string" ? this.reason : this.reason(leaf);
    return new AppError(this.code, `${path}: ${reason}`, { field: path }, this.headers);
  }
}

/** A validation failure that names its field (a domain name), for rules checked after parsing. */
export const invalidField = (field: string, reason: FieldReason) => new FieldError("validation_failed", field, reason);
