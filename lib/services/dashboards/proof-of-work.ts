import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Caller } from "@/lib/auth/permissions";
import { dayAsUtcMidnight, weekdayName } from "@/lib/time/zones";
import { assertSelectionReadable, selectAudience } from "./audience";
import { addMetrics, clockOf, exactRange, metricsOf, overallOf, runMetricsSql, zeroMetrics, type DashboardInput, type RoundedRow } from "./common";
import { perDayCte, roundedColumns, type MetricsRange } from "./metrics-sql";
import type { ProofOfWork, ProofOfWorkUser } from "@/lib/validation/dashboard-responses";

// POST /v1/proof-of-work/timesheet (seed 002): one page of users (by name), each with a row
// per local day they tracked time, first start and last end, and average clock times.

export interface ProofOfWorkInput extends DashboardInput {
  /** 1-based page. */
  offset: number;
  limit: number;
}

export type { ProofOfWork, ProofOfWorkUser };

type DayRow = RoundedRow & { user_id: string; day: string; in_time: string; out_time: string; in_clock: string | number; out_clock: string | number };

const isoOf = (col: SQL) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The bare SQL: every user-day with tracked time, its first start and last end. */
export function proofOfWorkSql(q: MetricsRange): SQL {
  return sql`${perDayCte(q)}
select user_id, day::text as day, ${isoOf(sql`in_time`)} as in_time, ${isoOf(sql`out_time`)} as out_time,
       extract(epoch from (in_time at time zone (select tz from p)) - day::timestamp) as in_clock,
       extract(epoch from (out_time at time zone (select tz from p)) - day::timestamp) as out_clock,
       ${roundedColumns}
from per_day
order by user_id, day`;
}

export async function proofOfWork(db: Db, caller: Caller, input: ProofOfWorkInput): Promise<ProofOfWork> {
  await assertSelectionReadable(db, caller, input);
  const { users, total } = await selectAudience(db, caller.orgId, input, { offset: (input.offset - 1) * input.limit, limit: input.limit });
  if (users.length === 0) return { totalActiveUsers: total, usersList: [] };
  const rows = await runMetricsSql<DayRow>(db, proofOfWorkSql(exactRange(caller.orgId, users, input)));
  const usersList = users.map((user): ProofOfWorkUser => {
    const days = rows.filter((r) => r.user_id === user.userId);
    let overall = zeroMetrics();
    const dailySummary = days.map((r) => {
      const metrics = metricsOf(r);
      overall = addMetrics(overall, metrics);
      return { date: dayAsUtcMidnight(r.day), day: weekdayName(r.day), inTime: r.in_time, outTime: r.out_time, ...metrics };
    });
    const avg = (f: (r: DayRow) => number) => (days.length ? clockOf(days.reduce((s, r) => s + f(r), 0) / days.length) : null);
    return {
      user,
      dailySummary,
      overallSummary: overallOf(overall),
      session: { avgCheckInTime: avg((r) => Number(r.in_clock)), avgCheckOutTime: avg((r) => Number(r.out_clock)) },
    };
  });
  return { totalActiveUsers: total, usersList };
}
