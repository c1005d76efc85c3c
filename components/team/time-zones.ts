import { isKnownTimeZone } from "@/lib/time/known-zones";

/** The zones a picker offers: the runtime's IANA list, UTC, and the given ones (the user's own), sorted, once each. */
export function timeZoneOptions(include: string[] = []): string[] {
  // on the server, only zones the database knows too (lib/time/known-zones.ts)
  const all = (typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []).filter(isKnownTimeZone);
  return [...new Set(["UTC", ...all, ...include.filter(Boolean)])].sort((a, b) => (a === "UTC" ? -1 : b === "UTC" ? 1 : a.localeCompare(b)));
}
