import { z } from "zod";
import { isValidTimeZone } from "@/lib/time/zones";

// Shared zod pieces: every route validates its input with these, so errors read alike.
export const uuid = z.uuid({ message: "must be a UUID" });
export const idParams = (...names: string[]) => z.object(Object.fromEntries(names.map((n) => [n, uuid])));

export const MAX_PAGE_SIZE = 100;
export const pagination = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  limit: z.coerce.number().int().min(1).default(50).transform((n) => Math.min(n, MAX_PAGE_SIZE)),
};

/** An instant: ISO 8601 with an offset or Z. */
export const isoInstant = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time with a time zone (e.g. 2026-01-15T09:00:00Z)" }).transform((s) => new Date(s));

/** A calendar date, or a full date-time (the date part is used with the caller's time zone). */
export const dateOrInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}([T ].*)?$/, "must be a date (YYYY-MM-DD) or an ISO date-time");

export const timeZone = z.string().max(64).refine(isValidTimeZone, { message: "must be an IANA time zone (e.g. Europe/Berlin)" });

export const shortText = (max = 200) => z.string().trim().max(max);
export const name = z.string().trim().min(1, "must not be empty").max(200);
export const description = z.string().max(5000);
export const email = z.email({ message: "must be an e-mail address" }).max(254).transform((e) => e.toLowerCase());

/** A Unix timestamp in milliseconds. */
export const unixMs = z.coerce.number().int().min(0).max(8_640_000_000_000_000);
