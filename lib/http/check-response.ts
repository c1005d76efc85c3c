import { isDeepStrictEqual } from "node:util";
import type { ZodType } from "zod";
import { AppError } from "@/lib/errors";

// Outside production every answer of a route with a response schema is checked against it
// (dub's `TagSchema.parse(...)`, midday's `validateResponse`): the schema is the view, so an
// answer it does not describe exactly is a bug, and the test that meets it fails with a 500.
// The check reads the answer as it goes on the wire (JSON) and never changes what is sent.

export const checkResponses = process.env.NODE_ENV !== "production";

/**
 * Throws an internal error when `data` (the answer without its envelope) is not exactly what
 * `schema` describes: a field missing or of the wrong type, or a field the schema does not
 * name (zod would strip it, so the document would not show it).
 */
export function checkResponse(schema: ZodType, data: unknown, where: string): void {
  const wire: unknown = data === undefined ? null : JSON.parse(JSON.stringify(data));
  const result = schema.safeParse(wire);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new AppError("internal", `Response of ${where} does not match its schema: ${issues}`);
  }
  if (!isDeepStrictEqual(result.data, wire)) {
    throw new AppError("internal", `Response of ${where} has fields its schema does not describe (or the schema transforms it)`);
  }
}
