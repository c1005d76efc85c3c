import { z } from "zod";
import { epochMsSchema, instantSchema } from "@/lib/time/instants";
import { isKnownTimeZone } from "@/lib/time/known-zones";

// Shared zod pieces: every route validates its input with these, so errors read alike.
export const uuid = z.uuid({ message: "must be a UUID" });

/** Paged lists of /v1: `limit` (1..200, default 50) and `offset` (rows to skip); `page` is the older spelling. */
export const MAX_LIST_LIMIT = 200;
export const pageParams = {
  limit: z.coerce
    .number({ message: "must be a number" })
    .int("must be an integer")
    .min(1, "must be at least 1")
    .max(MAX_LIST_LIMIT, `must be at most ${MAX_LIST_LIMIT}`)
    .default(50)
    .describe(`items per page (1 to ${MAX_LIST_LIMIT}, default 50); the X-Total-Count header gives the total`),
  offset: z.coerce
    .number({ message: "must be a number" })
    .int("must be an integer")
    .min(0, "must be at least 0")
    .max(1_000_000_000)
    .optional()
    .describe("items to skip (default 0); the Link header with rel=\"next\" gives the next page's URL"),
  page: z.coerce.number({ message: "must be a number" }).int("must be an integer").min(1, "must be at least 1").max(1_000_000).optional().describe("deprecated: offset = (page - 1) × limit; offset wins when both are sent"),
};
/** Turns the parsed page parameters into `{ limit, offset }`, keeping the other fields. */
export function withPage<T extends { limit: number; offset?: number; page?: number }>({ page, offset, ...rest }: T) {
  return { ...rest, offset: offset ?? (page ? (page - 1) * rest.limit : 0) };
}
export const pageQuery = z.object(pageParams).transform(withPage);

export const MAX_PAGE_SIZE = 100;
export const pagination = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  limit: z.coerce.number().int().min(1).default(50).transform((n) => Math.min(n, MAX_PAGE_SIZE)),
};

/** An instant: ISO 8601 with an offset or Z, within the accepted range (lib/time/instants.ts). */
export const isoInstant = instantSchema;

/** A zone both Intl and the database know (lib/time/known-zones.ts). */
export const timeZone = z.string().max(64).refine(isKnownTimeZone, { message: "must be an IANA time zone the database knows (e.g. Europe/Berlin)" });

export const name = z.string().trim().min(1, "must not be empty").max(200);
export const description = z.string().max(5000);
export const email = z.email({ message: "must be an e-mail address" }).max(254).transform((e) => e.toLowerCase());

/** A Unix timestamp in milliseconds, within the accepted range (lib/time/instants.ts). */
export const unixMs = epochMsSchema;
