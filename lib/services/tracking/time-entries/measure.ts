import { sql, type SQL } from "drizzle-orm";
import { timeEntries, type TimeEntry } from "@/db/schema";
import { now, wholeSecond } from "@/base/clock";

// Durations of entries, in TypeScript and in SQL, so every total agrees with the entries it sums.

export function durationSeconds(e: Pick<TimeEntry, "startedAt" | "stoppedAt">, at: Date = now()): number {
  const end = e.stoppedAt ?? wholeSecond(at);
  return Math.max(0, Math.floor((end.getTime() - e.startedAt.getTime()) / 1000));
}

type Bound = Date | SQL;
const boundSql = (b: Bound) => (b instanceof Date ? sql`${b.toISOString()}::timestamptz` : b);

/**
 * SQL twin of durationSeconds over `time_entries`: whole seconds of an entry, a running one
 * up to `at` (truncated to the second), clipped to [from, to) when given (instants or SQL,
 * such as a sheet's stored week). Every total in SQL (reports, timesheets, statistics) sums
 * this, so a total always equals the sum of the durations it lists. Stored instants are whole
 * seconds, so the floor only matters for a range bound that is not (a /v1 report's ms bound).
 */
export function entrySecondsSql(at: Date, from?: Bound, to?: Bound): SQL {
  const end = sql`coalesce(${timeEntries.stoppedAt}, ${wholeSecond(at).toISOString()}::timestamptz)`;
  const clippedEnd = to ? sql`least(${end}, ${boundSql(to)})` : end;
  const clippedStart = from ? sql`greatest(${timeEntries.startedAt}, ${boundSql(from)})` : sql`${timeEntries.startedAt}`;
  return sql`greatest(0, floor(extract(epoch from (${clippedEnd} - ${clippedStart}))))`;
}

/** The sum of entrySecondsSql over the selected entries (0 when none). */
export const sumEntrySeconds = (at: Date, from?: Bound, to?: Bound) =>
  sql<number>`coalesce(sum(${entrySecondsSql(at, from, to)}), 0)::float8`.mapWith(Number);

/** Entries that overlap [from, to), a running one extending to `at` (truncated to the second). */
export function entryOverlaps(from: Bound, to: Bound, at: Date): SQL {
  return sql`${timeEntries.startedAt} < ${boundSql(to)} and coalesce(${timeEntries.stoppedAt}, ${wholeSecond(at).toISOString()}::timestamptz) > ${boundSql(from)}`;
}

