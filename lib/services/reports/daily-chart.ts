import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/sql";
import { projects, tasks, users } from "@/db/schema";
import type { Caller } from "@/lib/auth/permissions";
import { nowWholeSecond } from "@/base/clock";
import { dayAsUtcMidnight } from "@/lib/time/zones";
import { MAX_CHART_DAYS, type DailyChartQuery } from "@/lib/validation/timesheet";
import { projectInOrg } from "@/lib/services/tracking/projects";
import { dayRange, inScope, userScope } from "@/lib/services/timesheets/scope";

// GET /api/timesheet/time-log/report/daily-chart: seconds per local day and group.
// The days are generated in SQL (generate_series over local midnights turned into instants
// with AT TIME ZONE), and every entry is clipped to every day it touches, so an entry
// across midnight counts on both days and a 23- or 25-hour DST day sums what it holds.

export interface ChartGroup {
  id: string | null;
  name: string;
  /** seconds */
  duration: number;
}

export interface ChartDay {
  /** the calendar day as its midnight in UTC (SPEC.md) */
  date: string;
  day: string;
  duration: number;
  groups: ChartGroup[];
}

const groupColumn = {
  project: sql`e.project_id::text`,
  task: sql`e.task_id::text`,
  employee: sql`e.user_id::text`,
  date: sql`null::text`,
} as const;

async function groupNames(db: Db, orgId: string, groupBy: DailyChartQuery["groupBy"], ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0 || groupBy === "date") return new Map();
  if (groupBy === "project") {
    const rows = await db.select({ id: projects.id, name: projects.name }).from(projects).where(and(eq(projects.organizationId, orgId), inArray(projects.id, ids)));
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  if (groupBy === "task") {
    const rows = await db.select({ id: tasks.id, name: tasks.name }).from(tasks).where(and(eq(tasks.organizationId, orgId), inArray(tasks.id, ids)));
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  const rows = await db
    .select({ id: users.id, first: users.firstName, last: users.lastName, email: users.email })
    .from(users)
    .where(and(eq(users.organizationId, orgId), inArray(users.id, ids)));
  return new Map(rows.map((r) => [r.id, `${r.first} ${r.last}`.trim() || r.email]));
}

const NO_GROUP_NAME = { project: "No project", task: "No task", employee: "", date: "" } as const;

export async function dailyChart(
  db: Db,
  caller: Caller,
  q: DailyChartQuery,
): Promise<{ items: ChartDay[]; total: number; groupBy: DailyChartQuery["groupBy"]; timeZone: string; startDate: string; endDate: string }> {
  const at = nowWholeSecond(); // a running entry counts up to now, in whole seconds
  const scope = await userScope(db, caller, q.employeeId);
  if (q.projectId) await projectInOrg(db, caller.orgId, q.projectId);
  const { firstDay, lastDay, tz } = dayRange(q, caller, at, MAX_CHART_DAYS);
  const nowSql = sql`${at.toISOString()}::timestamptz`;
  const rows = rowsOf<{ day: string; gid: string | null; seconds: string | number | null; has: boolean }>(
    await db.execute(sql`
      with days as (
        select g::date as day, (g at time zone ${tz}) as ds, ((g + interval '1 day') at time zone ${tz}) as de
        from generate_series(${firstDay}::timestamp, ${lastDay}::timestamp, interval '1 day') as g
      ),
      pieces as (
        select d.day, ${groupColumn[q.groupBy]} as gid,
               extract(epoch from least(coalesce(e.stopped_at, ${nowSql}), d.de) - greatest(e.started_at, d.ds)) as secs
        from days d
        join time_entries e on e.organization_id = ${caller.orgId}
          and ${inScope(sql`e.user_id`, scope)}
          ${q.projectId ? sql`and e.project_id = ${q.projectId}` : sql``}
          and e.started_at < d.de and coalesce(e.stopped_at, ${nowSql}) > d.ds
      ),
      agg as (
        select day, gid, floor(sum(secs))::bigint as seconds from pieces group by day, gid
      )
      select d.day::text as day, a.gid, a.seconds, (a.day is not null) as has
      from days d left join agg a on a.day = d.day
      order by d.day`),
  );

  const totals = new Map<string | null, number>();
  const perDay = new Map<string, Map<string | null, number>>();
  for (const r of rows) {
    if (!perDay.has(r.day)) perDay.set(r.day, new Map());
    if (!r.has) continue;
    const secs = Number(r.seconds ?? 0);
    perDay.get(r.day)!.set(r.gid, secs);
    totals.set(r.gid, (totals.get(r.gid) ?? 0) + secs);
  }
  const names = await groupNames(db, caller.orgId, q.groupBy, [...totals.keys()].filter((k): k is string => k !== null));
  const nameOf = (id: string | null) => (id === null ? NO_GROUP_NAME[q.groupBy] : (names.get(id) ?? id));
  // every group of the range on every day (zero-filled), the largest first
  const order = [...totals.entries()].sort((a, b) => b[1] - a[1] || nameOf(a[0]).localeCompare(nameOf(b[0]))).map(([id]) => id);

  const items = [...perDay.entries()].map(([day, byGroup]): ChartDay => {
    const duration = [...byGroup.values()].reduce((s, v) => s + v, 0);
    const groups =
      q.groupBy === "date"
        ? [{ id: day, name: day, duration }]
        : order.map((id) => ({ id, name: nameOf(id), duration: byGroup.get(id) ?? 0 }));
    return { date: dayAsUtcMidnight(day), day, duration, groups };
  });
  return { items, total: items.length, groupBy: q.groupBy, timeZone: tz, startDate: firstDay, endDate: lastDay };
}
