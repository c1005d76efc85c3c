import { isValidTimeZone } from "./zones";

// The time zones the database knows (pg_timezone_names), loaded once per process by
// lib/time/db-zones.ts before any request is parsed. Intl accepts names PostgreSQL does not
// (AET, CTT, US/Pacific-New), and such a zone reached `at time zone` as a 500, so a zone is
// accepted only when both know it. Until the list is loaded (pure unit tests, client code)
// only Intl is asked. Names compare case-insensitively, as both PostgreSQL and Intl do.

let known: Set<string> | undefined;

export function setKnownZones(names: Iterable<string> | undefined): void {
  known = names ? new Set([...names].map((n) => n.toLowerCase())) : undefined;
}

export function knownZonesLoaded(): boolean {
  return known !== undefined;
}

/** A zone both the database and Intl know. */
export function isKnownTimeZone(tz: string): boolean {
  if (!isValidTimeZone(tz)) return false;
  return known ? known.has(tz.toLowerCase()) : true;
}

/** A stored zone that is no longer accepted (saved before this check) is read as UTC. */
export function safeZone(tz: string | null | undefined): string {
  return tz && isKnownTimeZone(tz) ? tz : "UTC";
}
