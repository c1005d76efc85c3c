import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** A validation error whose message names the offending field (e.g. "body.startedAt: …"). */
export function zodToAppError(error: z.ZodError, where: "params" | "query" | "body"): AppError {
  const issues = error.issues.map((i) => {
    const field = [where, ...i.path.map(String)].join(".");
    return { field, message: i.message };
  });
  const first = issues[0]!;
  // A malformed path id is a bad request; a body or query that breaks the schema is 422.
  const code = where === "params" ? "bad_request" : "validation_failed";
  return new AppError(code, `${first.field}: ${first.message}`, { field: first.field, issues });
}
