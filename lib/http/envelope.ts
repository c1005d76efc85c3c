import type { AppError } from "@/lib/errors";

// Each API family keeps the envelope its seed shows (SPEC.md, "Response shapes").
export type Family = "v1" | "timesheet" | "dashboard" | "pow";

export function familyOf(pathname: string): Family {
  if (pathname.startsWith("/v1/dashboard")) return "dashboard";
  if (pathname.startsWith("/v1/proof-of-work")) return "pow";
  if (pathname.startsWith("/v1")) return "v1";
  return "timesheet";
}

export function successBody(family: Family, data: unknown, status: number, message: string): unknown {
  switch (family) {
    case "dashboard":
      return { success: true, statusCode: status, statusMessage: message, error: null, data };
    case "pow":
      return { statusCode: status, statusMessage: message, error: null, response: data };
    default:
      return data;
  }
}

// The vendor's documented upper-case codes for the dashboard family.
function dashboardCode(err: AppError, hadAuthHeader: boolean): string {
  if (err.code === "unauthorized") return hadAuthHeader ? "INVALID_TOKEN" : "AUTHORIZATION_HEADER_MISSING";
  if (err.code === "validation_failed" || err.code === "bad_request") return "REQUEST_VALIDATION_FAILED";
  return err.code.toUpperCase();
}

export function errorBody(family: Family, err: AppError, hadAuthHeader: boolean): unknown {
  const status = err.status;
  switch (family) {
    // proof-of-work keeps its own success envelope but answers errors as the dashboards do (SPEC.md)
    case "dashboard":
    case "pow":
      return {
        success: false,
        statusCode: status,
        statusMessage: err.message,
        data: null,
        error: { message: err.message, code: dashboardCode(err, hadAuthHeader), ...(err.details ? { details: err.details } : {}) },
      };
    case "timesheet":
      return { statusCode: status, error: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
    case "v1":
      return { message: err.message, code: err.code, ...(err.details ? { details: err.details } : {}) };
  }
}
