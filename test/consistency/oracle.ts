import { addDaysToDate, dayStart, localDate, mondayOf } from "@/lib/time/zones";

// The reference for the families property test: the generated entries, turned into whole
// seconds the way SPEC.md says every write stores them (each instant truncated to the
// second), clipped to a range in plain JavaScript, independently of the SQL under test.
// Plus the recorder that collects every disagreement, so one failure names them all.

export type LogType = "TRACKED" | "MANUAL" | "IDLE";
export type AppName = "Code" | "Steam" | "Slack";

/** One generated entry: instants as sent (ms, sub-second), what wrote it, and its task. */
export interface GenEntry {
  startMs: number;
  stopMs: number;
  type: LogType;
  via: "log" | "track";
  /** index into the run's tasks, or null (only logs go without a task) */
  task: number | null;
  /** why the entry lies where it does (for the failure message) */
  kind: string;
}

export interface GenActivity {
  app: AppName;
  /** whole seconds (agents report whole seconds) */
  startMs: number;
  seconds: number;
}

/** SPEC.md: every write truncates instants to the second. */
export const trunc = (ms: number) => Math.floor(ms / 1000) * 1000;

export interface Stored {
  s: number;
  t: number;
  type: LogType;
  task: number | null;
}

export const stored = (e: GenEntry): Stored => ({ s: trunc(e.startMs), t: trunc(e.stopMs), type: e.type, task: e.task });

export type Iv = [number, number];

/** The union of intervals, sorted and merged (where coverage is counted once). */
export function union(list: Iv[]): Iv[] {
  const out: Iv[] = [];
  for (const [s, t] of [...list].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], t);
    else out.push([s, t]);
  }
  return out;
}

function overlapMs(a: Iv[], b: Iv[]): number {
  let ms = 0;
  for (const [s1, t1] of a) for (const [s2, t2] of b) ms += Math.max(0, Math.min(t1, t2) - Math.max(s1, s2));
  return ms;
}

/** Seconds of the entries inside [lo, hi) (entries of one user never overlap). */
export function clipSeconds(entries: Stored[], lo: number, hi: number): number {
  let ms = 0;
  for (const e of entries) ms += Math.max(0, Math.min(e.t, hi) - Math.max(e.s, lo));
  return ms / 1000;
}

export interface Metrics {
  total: number;
  active: number;
  idle: number;
  productive: number;
  unproductive: number;
  neutral: number;
}

// the run's productivity rules: app "code" productive, "steam" unproductive, "slack" none
const CLASS: Record<AppName, "P" | "U" | "N"> = { Code: "P", Steam: "U", Slack: "N" };

/** Dashboard metrics of one user's entries and activities inside [lo, hi); unproductive wins where both cover. */
export function metrics(entries: Stored[], acts: GenActivity[], lo: number, hi: number): Metrics {
  const clipped = (list: Stored[]) => list.map((e): Iv => [Math.max(e.s, lo), Math.min(e.t, hi)]).filter(([s, t]) => s < t);
  const work = union(clipped(entries.filter((e) => e.type !== "IDLE")));
  const idle = union(clipped(entries.filter((e) => e.type === "IDLE")));
  const ivs = (cls: Array<"P" | "U">) =>
    union(acts.filter((a) => (cls as string[]).includes(CLASS[a.app])).map((a): Iv => [a.startMs, a.startMs + a.seconds * 1000]));
  const active = overlapMs(work, [[lo, hi]]) / 1000;
  const idleS = overlapMs(idle, [[lo, hi]]) / 1000;
  const covered = overlapMs(work, ivs(["P", "U"])) / 1000;
  const unproductive = overlapMs(work, ivs(["U"])) / 1000;
  return { total: active + idleS, active, idle: idleS, productive: covered - unproductive, unproductive, neutral: active - covered };
}

/** A range of whole local days in a zone: [midnight of firstDay, midnight after lastDay). */
export interface DayRange {
  name: string;
  firstDay: string;
  lastDay: string;
  tz: string;
  lo: number;
  hi: number;
  days: string[];
}

export function dayRange(name: string, firstDay: string, lastDay: string, tz: string): DayRange {
  const days: string[] = [];
  for (let d = firstDay; d <= lastDay; d = addDaysToDate(d, 1)) days.push(d);
  return { name, firstDay, lastDay, tz, lo: dayStart(firstDay, tz).getTime(), hi: dayStart(addDaysToDate(lastDay, 1), tz).getTime(), days };
}

export const weekOf = (instantMs: number, tz: string) => {
  const monday = mondayOf(localDate(new Date(instantMs), tz));
  return dayRange(`week ${monday}`, monday, addDaysToDate(monday, 6), tz);
};

export const dayBounds = (day: string, tz: string): [number, number] => [dayStart(day, tz).getTime(), dayStart(addDaysToDate(day, 1), tz).getTime()];

/**
 * Every comparison of the run: a quantity (who, range, what) with the reference value and
 * what each family answered. Only quantities where some family differs are reported.
 */
export class Agreement {
  private readonly rows: Array<{ label: string; expected: number; got: Record<string, number | undefined> }> = [];
  private readonly broken: string[] = [];

  /** Each family's value of the quantity must equal the reference to the second. */
  same(label: string, expected: number, got: Record<string, number | undefined>): void {
    this.rows.push({ label, expected, got });
  }

  /** An invariant of one row (total = active + idle, ...). */
  holds(label: string, ok: boolean, detail: string): void {
    if (!ok) this.broken.push(`${label}: ${detail}`);
  }

  disagreements() {
    return this.rows.filter((r) => Object.values(r.got).some((v) => v !== r.expected));
  }

  /** The families that disagreed with the reference at least once, with how often. */
  families(): Map<string, number> {
    const out = new Map<string, number>();
    for (const r of this.disagreements()) for (const [f, v] of Object.entries(r.got)) if (v !== r.expected) out.set(f, (out.get(f) ?? 0) + 1);
    return out;
  }

  report(): string | null {
    const bad = this.disagreements();
    if (bad.length === 0 && this.broken.length === 0) return null;
    const fams = [...this.families()].map(([f, n]) => `${f} (${n})`).join(", ");
    const lines = [
      `${bad.length} of ${this.rows.length} quantities disagree; ${this.broken.length} invariants broken.`,
      `Families that differ from the reference: ${fams || "none"}`,
      ...bad.slice(0, 40).map((r) => {
        const vals = Object.entries(r.got)
          .map(([f, v]) => `${v === r.expected ? "" : "✗ "}${f}=${v}`)
          .join(" | ");
        return `  ${r.label}: reference=${r.expected} | ${vals}`;
      }),
      bad.length > 40 ? `  … and ${bad.length - 40} more` : "",
      ...this.broken.slice(0, 20).map((b) => `  invariant ${b}`),
    ];
    return lines.filter(Boolean).join("\n");
  }
}
