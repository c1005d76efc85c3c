import { addDaysToDate, dayStart, localDate } from "@/lib/time/zones";
import { weekDays } from "@/components/team/week";

// The week grid's arithmetic: entries bucketed into local days (Monday to Sunday in the
// person's time zone) × projects, an entry that crosses local midnight split between the
// days, and the row, column and week totals. Whole seconds throughout, so the cells of one
// entry add up to exactly its duration.

export interface GridEntry {
  startedAt: string;
  stoppedAt: string | null;
  projectId: string | null;
}

export interface DaySlice {
  day: string;
  seconds: number;
}

/**
 * The seconds of an entry that fall on each local day. A running entry counts up to `nowMs`.
 * Cuts are made at cumulative whole seconds, so the slices sum to floor(duration).
 */
export function splitByLocalDay(entry: Pick<GridEntry, "startedAt" | "stoppedAt">, timeZone: string, nowMs: number): DaySlice[] {
  const start = Date.parse(entry.startedAt);
  const end = entry.stoppedAt ? Date.parse(entry.stoppedAt) : nowMs;
  if (!(end > start)) return [];
  const out: DaySlice[] = [];
  let cursor = start;
  let counted = 0;
  // an entry lasts at most a day or so; the bound only guards against bad input
  for (let i = 0; cursor < end && i < 400; i += 1) {
    const day = localDate(new Date(cursor), timeZone);
    const next = dayStart(addDaysToDate(day, 1), timeZone).getTime();
    const segEnd = Math.min(end, next);
    const upTo = Math.floor((segEnd - start) / 1000);
    if (upTo > counted) out.push({ day, seconds: upTo - counted });
    counted = upTo;
    cursor = segEnd;
  }
  return out;
}

export interface GridRow {
  projectId: string | null;
  cells: number[];
  total: number;
}

export interface WeekGrid {
  days: string[];
  rows: GridRow[];
  dayTotals: number[];
  total: number;
}

/** Rows ordered by `projectOrder` (e.g. project names), then by total; "no project" last. */
export function buildWeekGrid(
  entries: GridEntry[],
  opts: { weekStart: string; timeZone: string; nowMs: number; projectOrder?: (id: string) => string },
): WeekGrid {
  const days = weekDays(opts.weekStart);
  const index = new Map(days.map((d, i) => [d, i]));
  const rows = new Map<string | null, GridRow>();
  for (const e of entries) {
    for (const slice of splitByLocalDay(e, opts.timeZone, opts.nowMs)) {
      const i = index.get(slice.day);
      if (i === undefined) continue; // the part of an entry that lies outside the week
      const key = e.projectId ?? null;
      let row = rows.get(key);
      if (!row) {
        row = { projectId: key, cells: Array(7).fill(0), total: 0 };
        rows.set(key, row);
      }
      row.cells[i]! += slice.seconds;
      row.total += slice.seconds;
    }
  }
  const order = opts.projectOrder ?? ((id: string) => id);
  const sorted = [...rows.values()].sort((a, b) => {
    if (a.projectId === null) return 1;
    if (b.projectId === null) return -1;
    return order(a.projectId).localeCompare(order(b.projectId)) || b.total - a.total;
  });
  const dayTotals = days.map((_, i) => sorted.reduce((sum, r) => sum + r.cells[i]!, 0));
  return { days, rows: sorted, dayTotals, total: dayTotals.reduce((a, b) => a + b, 0) };
}

/** Seconds of the given entries that fall on one local day (the daily total on /today). */
export function dayTotal(entries: Pick<GridEntry, "startedAt" | "stoppedAt">[], day: string, timeZone: string, nowMs: number): number {
  let sum = 0;
  for (const e of entries) for (const s of splitByLocalDay(e, timeZone, nowMs)) if (s.day === day) sum += s.seconds;
  return sum;
}

export const LOCKED_STATUSES = ["PENDING", "IN_REVIEW", "APPROVED"] as const;

/** Entries of a submitted or approved week cannot be changed by their owner (423 on the server). */
export function isLocked(status: string | null | undefined): boolean {
  return !!status && (LOCKED_STATUSES as readonly string[]).includes(status);
}

/** A sheet can be submitted when it is a draft or was denied, and it holds time. */
export function canSubmit(status: string | null | undefined, totalSeconds: number): boolean {
  return (status === "DRAFT" || status === "DENIED") && totalSeconds > 0;
}
