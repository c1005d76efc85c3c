import type { WeeklySummary } from "@/lib/validation/dashboard-responses";

/** A day of the breakdown; any weekday name is drawn (its first three letters label the bar). */
type BreakdownDay = Omit<WeeklySummary["breakdownSummary"][number], "day"> & { day: string };
import { hoursOf } from "@/components/format/time";

// The weekly breakdown as the stacked bar chart draws it: one bar per day, hours per kind.

export const SERIES = [
  { key: "productive", label: "Productive", color: "var(--color-productive)" },
  { key: "neutral", label: "Neutral", color: "var(--color-neutral)" },
  { key: "unproductive", label: "Unproductive", color: "var(--color-unproductive)" },
  { key: "idle", label: "Idle", color: "var(--color-idle)" },
] as const;

export type SeriesKey = (typeof SERIES)[number]["key"];

export interface DayBar {
  /** YYYY-MM-DD */
  date: string;
  /** "Mon" */
  label: string;
  productive: number;
  neutral: number;
  unproductive: number;
  idle: number;
  /** the exact seconds behind each bar, for the tooltip */
  seconds: Record<SeriesKey | "total", number>;
}

export function weeklyBars(breakdown: readonly BreakdownDay[]): DayBar[] {
  return breakdown.map(({ date, day, metrics: m }) => {
    const seconds = {
      productive: m.productiveTimeSpendSeconds,
      neutral: m.neutralTimeSpendSeconds,
      unproductive: m.unproductiveTimeSpendSeconds,
      idle: m.idleTimeSpendSeconds,
      total: m.totalTimeSpendSeconds,
    };
    return {
      date: date.slice(0, 10),
      label: day.slice(0, 3),
      productive: hoursOf(seconds.productive),
      neutral: hoursOf(seconds.neutral),
      unproductive: hoursOf(seconds.unproductive),
      idle: hoursOf(seconds.idle),
      seconds,
    };
  });
}

/** True when the week has no tracked time at all (the chart shows an empty state instead). */
export function isEmptyWeek(breakdown: readonly BreakdownDay[]): boolean {
  return breakdown.every((d) => d.metrics.totalTimeSpendSeconds === 0);
}
