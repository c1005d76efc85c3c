import { sql } from "drizzle-orm";

// postgres.js returns an array of rows, PGlite an object with `rows`: read either.
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** A list of uuids as one `uuid[]` parameter (one statement shape whatever the list's length). */
export const uuidArray = (ids: string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;
