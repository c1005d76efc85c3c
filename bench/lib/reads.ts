import postgres from "postgres";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf } from "@/db/sql";
import { parseToken } from "@/lib/auth/tokens";
import { type MetricsRange, selectAudience, productivityAnalysisSql, weeklySummarySql, weeksOf, proofOfWorkSql } from "@/lib/services/dashboards";
import { GET as timeLogs } from "@/app/api/timesheet/time-log/route";
import { POST as productivityRoute } from "@/app/v1/dashboard/productivity-analysis/route";
import { POST as weeklyRoute } from "@/app/v1/dashboard/weekly-summary/route";
import { POST as proofRoute } from "@/app/v1/proof-of-work/timesheet/route";
import { callRoute, explain, type ReadContext } from "./context";
import { TZ } from "./generate";
import { timePair, type Timing } from "./measure";

// Scenarios 2, 3 and 5: reads through the route handler against the same work done bare.

export interface Pair {
  name: string;
  subject: Timing;
  baseline: Timing;
  ratio: number;
  plan?: string;
}

const pair = (name: string, [subject, baseline]: [Timing, Timing]): Pair => ({ name, subject, baseline, ratio: subject.p50 / baseline.p50 });

/** The authenticated time-log list of one user-week. */
export function timeLogRead(c: ReadContext): () => Promise<unknown> {
  const path = `/api/timesheet/time-log?startDate=${c.monday}&endDate=${c.sunday}&timeZone=${encodeURIComponent(TZ)}&limit=100`;
  return () => callRoute(timeLogs, "GET", path, c.memberToken);
}

/** Scenario 2: the route against the same statements (token lookup, list, count) through bare postgres.js. */
export async function authenticatedRead(c: ReadContext, url: string, runs: number, withPlan: boolean): Promise<Pair> {
  const bare = postgres(url, { max: 4, onnotice: () => {} });
  const parsed = parseToken("access", c.memberToken)!;
  const from = new Date(`${c.monday}T00:00:00+02:00`).toISOString();
  const to = new Date(`${c.sunday}T23:59:59+02:00`).toISOString();
  const baseline = async () => {
    await bare`select s.*, u.email, u.role, u.is_super_user, u.first_name, u.last_name, u.time_zone, u.deactivated_at, k.id as api_key,
                      exists (select 1 from team_members m where m.organization_id = s.organization_id and m.user_id = s.user_id and m.is_manager) as is_manager
               from auth_sessions s join users u on u.organization_id = s.organization_id and u.id = s.user_id
               left join api_keys k on k.organization_id = s.organization_id and k.id = s.api_key_id
               where s.organization_id = ${parsed.orgId} and s.id = ${parsed.id}`;
    const where = bare`organization_id = ${c.org.orgId} and user_id = ${c.org.memberId}
                       and coalesce(stopped_at, 'infinity'::timestamptz) > ${from}::timestamptz and started_at < ${to}::timestamptz`;
    await bare`select * from time_entries where ${where} order by started_at desc, id desc limit 100`;
    await bare`select count(*) from time_entries where ${where}`;
  };
  try {
    const result = pair("time-log list, one user-week (token lookup included)", await timePair(timeLogRead(c), baseline, runs));
    if (withPlan) {
      result.plan = await explain(c.handle, sql`select * from time_entries where organization_id = ${c.org.orgId} and user_id = ${c.org.memberId}
        and coalesce(stopped_at, 'infinity'::timestamptz) > ${from}::timestamptz and started_at < ${to}::timestamptz order by started_at desc, id desc limit 100`);
    }
    return result;
  } finally {
    await bare.end({ timeout: 5 });
  }
}

interface DashboardCall {
  name: string;
  route: () => Promise<unknown>;
  bare: SQL;
}

export async function dashboardCalls(c: ReadContext): Promise<DashboardCall[]> {
  const everyone = { userId: [] as string[], teamId: c.org.teamIds };
  const { users } = await selectAudience(c.handle.db, c.org.orgId, everyone);
  const ids = users.map((u) => u.userId);
  const range = { startDate: `${c.monday} 00:00:00`, endDate: `${c.sunday} 23:59:59`, timeZone: TZ, ...everyone };
  const q = (userIds: string[], startLocal: string, endLocal: string, endExclusive: boolean): MetricsRange => ({
    orgId: c.org.orgId, userIds, timeZone: TZ, startLocal, endLocal, endExclusive, now: new Date(),
  });
  const weeks = weeksOf(range.startDate, range.endDate);
  return [
    {
      name: `weekly-summary, ${ids.length} users × 7 days`,
      route: () => callRoute(weeklyRoute, "POST", "/v1/dashboard/weekly-summary", c.adminToken, range),
      bare: weeklySummarySql(q(ids, weeks.startLocal, weeks.endLocal, true)),
    },
    {
      name: `productivity-analysis, ${ids.length} users × 7 days`,
      route: () => callRoute(productivityRoute, "POST", "/v1/dashboard/productivity-analysis", c.adminToken, range),
      bare: productivityAnalysisSql(q(ids, range.startDate, range.endDate, false)),
    },
    {
      name: "proof-of-work, a page of 10 users × 7 days",
      route: () => callRoute(proofRoute, "POST", "/v1/proof-of-work/timesheet", c.adminToken, { ...range, offset: 1 }),
      bare: proofOfWorkSql(q(ids.slice(0, 10), range.startDate, range.endDate, false)),
    },
  ];
}

/** Scenario 3: each dashboard route (warm rollup cache) against its bare statement. */
export async function dashboards(c: ReadContext, runs: number, withPlan: boolean): Promise<Pair[]> {
  const out: Pair[] = [];
  for (const d of await dashboardCalls(c)) {
    const p = pair(d.name, await timePair(d.route, () => c.handle.db.execute(d.bare).then(rowsOf), runs));
    if (withPlan) p.plan = await explain(c.handle, d.bare);
    out.push(p);
  }
  return out;
}
