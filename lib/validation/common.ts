import { z } from "zod";
import { epochMsSchema, instantSchema } from "@/lib/time/instants";
import { isKnownTimeZone } from "@/lib/time/known-zones";

// Shared zod pieces: every route validates its input with these, so errors read alike.
export const uuid = z.uuid({ message: "must be a UUID" });
export const idParams = (...names: string[]) => z.object(Object.fromEntries(names.map((n) => [n, uuid])));

export const MAX_PAGE_SIZE = 100;
export const pagination = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  limit: z.coerce.number().int().min(1).default(50).transform((n) => Math.min(n, MAX_PAGE_SIZE)),
};

/** An instant: ISO 8601 with an offset or Z, within the accepted range (lib/time/instants.ts). */
export const isoInstant = instantSchema;

/** A zone both Intl and the database know (lib/time/known-zones.ts). */
export const timeZone = z.string().max(64).refine(isKnownTimeZone, { message: "must be an IANA time zone the database knows (e.g. Europe/Berlin)" });

export const shortText = (max = 200) => z.string().trim().max(max);
export const name = z.string().trim().min(1, "must not be empty").max(200);
export const description = z.string().max(5000);
export const email = z.email({ message: "must be an e-mail address" }).max(254).transform((e) => e.toLowerCase());

/** A Unix timestamp in milliseconds, within the accepted range (lib/time/instants.ts). */
export const unixMs = epochMsSchema;
