import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Caller } from "@/lib/auth/permissions";
import { nowWholeSecond } from "@/base/clock";
import { addDaysToDate, dayAsUtcMidnight, mondayOf, weekdayName } from "@/lib/time/zones";
import { assertSelectionReadable, selectAudience } from "./audience";
import { addMetrics, metricsOf, overallOf, runMetricsSql, zeroMetrics, type DashboardInput, type RoundedRow } from "./common";
import { perDayCte, roundedColumns, type MetricsRange } from "./metrics-sql";
import type { WeeklySummary } from "@/lib/validation/dashboard-responses";

// POST /v1/dashboard/weekly-summary (seed 001): the selected users together, one row per
// day of every Monday-to-Sunday week that the range touches.

export type { WeeklySummary };

/** The whole weeks containing the range, as wall-clock bounds (end exclusive). */
export function weeksOf(startDate: string, endDate: string): { startLocal: string; endLocal: string } {
  const monday = mondayOf(startDate.slice(0, 10));
  const nextMonday = addDaysToDate(mondayOf(endDate.slice(0, 10)), 7);
  return { startLocal: `${monday} 00:00:00`, endLocal: `${nextMonday} 00:00:00` };
}

/** The bare SQL: every local day of the weeks, summed over the users. */
export function weeklySummarySql(q: MetricsRange): SQL {
  return sql`${perDayCte(q)}
select d.day::text as day, coalesce(sum(r.idle_s), 0) as idle_s, coalesce(sum(r.active_s), 0) as active_s,
       coalesce(sum(r.productive_s), 0) as productive_s, coalesce(sum(r.unproductive_s), 0) as unproductive_s,
       coalesce(sum(r.neutral_s), 0) as neutral_s
from days d
left join (select user_id, day, ${roundedColumns} from per_day) r on r.day = d.day
group by d.day
order by d.day`;
}

export async function weeklySummary(db: Db, caller: Caller, input: DashboardInput): Promise<WeeklySummary> {
  await assertSelectionReadable(db, caller, input);
  const { users } = await selectAudience(db, caller.orgId, input);
  const weeks = weeksOf(input.startDate, input.endDate);
  const rows = await runMetricsSql<RoundedRow & { day: string }>(
    db,
    weeklySummarySql({
      orgId: caller.orgId,
      userIds: users.map((u) => u.userId),
      timeZone: input.timeZone,
      ...weeks,
      endExclusive: true,
      now: nowWholeSecond(),
    }),
  );
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const breakdownSummary: WeeklySummary["breakdownSummary"] = [];
  let total = zeroMetrics();
  // the calendar is fixed (7 days a week); the database only fills in the numbers
  for (let day = weeks.startLocal.slice(0, 10); day < weeks.endLocal.slice(0, 10); day = addDaysToDate(day, 1)) {
    const metrics = metricsOf(byDay.get(day));
    total = addMetrics(total, metrics);
    breakdownSummary.push({ date: dayAsUtcMidnight(day), day: weekdayName(day), metrics });
  }
  return { breakdownSummary, overallSummary: overallOf(total) };
}
