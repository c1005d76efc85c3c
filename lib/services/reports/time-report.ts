import type { Db } from "@/db/client";
import type { Caller } from "@/lib/auth/permissions";
import type { DailyChartQuery } from "@/lib/validation/timesheet";
import { dailyChart, type ChartGroup } from "./daily-chart";

// GET /api/timesheet/time-log/report: seed 004's project time report, the seconds of the whole
// range per group. It sums the daily chart's days, so the two reports always agree.

export async function timeReport(db: Db, caller: Caller, q: DailyChartQuery) {
  const chart = await dailyChart(db, caller, q);
  const groups = new Map<string | null, ChartGroup>();
  for (const day of chart.items) {
    for (const g of day.groups) {
      const sum = groups.get(g.id);
      if (sum) sum.duration += g.duration;
      else groups.set(g.id, { ...g });
    }
  }
  // the chart lists groups largest first (and days in order when grouped by date)
  const items = [...groups.values()].filter((g) => q.groupBy === "date" || g.duration > 0);
  return {
    items,
    total: items.length,
    duration: chart.items.reduce((s, d) => s + d.duration, 0),
    groupBy: chart.groupBy,
    timeZone: chart.timeZone,
    startDate: chart.startDate,
    endDate: chart.endDate,
  };
}
