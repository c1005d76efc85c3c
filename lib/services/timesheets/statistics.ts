import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/sql";
import type { Caller } from "@/lib/auth/permissions";
import { now } from "@/base/clock";
import { addDaysToDate, dayStart, localDate } from "@/lib/time/zones";
import type { StatisticsQuery } from "@/lib/validation/timesheet";
import { clippedSeconds, dayRange, inScope, instantRange, userScope } from "./scope";
import type { CountsView } from "@/lib/validation/timesheet-responses";

// GET /api/timesheet/statistics/counts: time and average activity of the week (the
// requested range; by default the current Monday-to-Sunday week) and of today, both in
// the request's time zone, over the users the caller may see.

/** weeklyActivities: average overall activity of the range's slots, in percent: sum(overall) / sum(duration) */
export type Counts = CountsView;

export async function statisticsCounts(db: Db, caller: Caller, q: StatisticsQuery): Promise<Counts> {
  const at = now();
  const scope = await userScope(db, caller, q.employeeId);
  let week: { from: Date; to: Date };
  const tz = q.timeZone ?? caller.timeZone;
  if (q.startDate && q.endDate) {
    const r = instantRange(q, caller);
    week = { from: r.from!, to: r.to! };
  } else {
    const d = dayRange(q, caller, at);
    week = { from: dayStart(d.firstDay, tz), to: dayStart(addDaysToDate(d.lastDay, 1), tz) };
  }
  const today = localDate(at, tz);
  const day = { from: dayStart(today, tz), to: dayStart(addDaysToDate(today, 1), tz) };

  const weeklyDuration = await clippedSeconds(db, caller.orgId, scope, week.from, week.to, at);
  const todayDuration = await clippedSeconds(db, caller.orgId, scope, day.from, day.to, at);
  const inside = (r: { from: Date; to: Date }) =>
    sql`s.started_at >= ${r.from.toISOString()}::timestamptz and s.started_at < ${r.to.toISOString()}::timestamptz`;
  const pct = (r: { from: Date; to: Date }) =>
    sql`coalesce(round(100.0 * sum(s.overall) filter (where ${inside(r)}) / nullif(sum(s.duration) filter (where ${inside(r)}), 0)), 0)::int`;
  const [act] = rowsOf<{ week: number | string; today: number | string }>(
    await db.execute(sql`
      select ${pct(week)} as week, ${pct(day)} as today
      from time_slots s
      where s.organization_id = ${caller.orgId} and ${inScope(sql`s.user_id`, scope)}
        and ((${inside(week)}) or (${inside(day)}))`),
  );
  return {
    weeklyDuration,
    weeklyActivities: Number(act?.week ?? 0),
    todayDuration,
    todayActivities: Number(act?.today ?? 0),
  };
}
