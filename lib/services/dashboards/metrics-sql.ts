import { sql, type SQL } from "drizzle-orm";
import { uuidArray } from "@/db/sql";

// The one computation behind the three dashboards (docs/dashboards.md): per user and
// local calendar day, tracked, idle, active and covered (productive / unproductive) time.
// All of it runs in the database: days are generated in the request's time zone, entries
// and activities are clipped with greatest/least and intersected as tstzranges, and only
// the per-user-day sums come back.

/** An activity counts for at most this long from its start (bounds the index scan). */
export const MAX_ACTIVITY_SECONDS = 86_400;

export interface MetricsRange {
  orgId: string;
  userIds: string[];
  timeZone: string;
  /** Wall-clock "YYYY-MM-DD HH:mm:ss" in timeZone: the first instant of the range. */
  startLocal: string;
  /** Wall-clock "YYYY-MM-DD HH:mm:ss" in timeZone. */
  endLocal: string;
  /** true: endLocal is the first instant after the range; false: its last whole second. */
  endExclusive: boolean;
  /** Running entries count up to this instant (a whole second, as every stored instant). */
  now: Date;
}

/** Bump when the computation below changes, so cached days computed the old way are not used. */
export const ROLLUP_FORMULA = 1;

/**
 * `with … per_day as (…)`: one row per user and local day with any tracked time, holding
 * exact (numeric) seconds: idle, work (non-idle), covered (work covered by a productive or
 * unproductive activity), unproductive (work covered by an unproductive activity; it wins
 * where both cover the same instant), and the day's first start and last end. Callers
 * append their final SELECT; `p` (the range) and `days` (every local day of it) are in scope.
 *
 * Whole past days come from dashboard_day_rollups when the versions they were computed from
 * are still current (drizzle/0003_dashboard_rollup_triggers.sql); every other user-day is
 * computed from the entries and activities, and the whole past ones are saved for next time.
 * Versions and data are read by this one statement, so from one snapshot.
 *
 * Why a read writes: a dashboard over 90 days and 200 people would otherwise recompute every
 * user-day from the entries and activities on each request. Caching on read needs no job
 * queue and no invalidation code: any write to a user's entries, activities or the org's
 * rules bumps a version (triggers), so a saved day is used only while its versions match and
 * is silently recomputed otherwise. Only whole past days are saved (today keeps changing);
 * concurrent readers upsert in one order so they cannot deadlock, and a serialization failure
 * is retried by the handler like any write.
 */
export function perDayCte(q: MetricsRange): SQL {
  const org = q.orgId;
  // UTC offsets stay within ±18 hours, so these bound every instant of the range
  const scanFrom = new Date(Date.parse(`${q.startLocal.replace(" ", "T")}Z`) - (18 * 3600 + MAX_ACTIVITY_SECONDS) * 1000);
  const scanTo = new Date(Date.parse(`${q.endLocal.replace(" ", "T")}Z`) + (18 * 3600 + 1) * 1000);
  const users = uuidArray([...new Set(q.userIds)]);
  return sql`
with p as (
  select ${q.timeZone}::text as tz,
         (${q.startLocal}::timestamp at time zone ${q.timeZone}) as rs,
         (${q.endLocal}::timestamp at time zone ${q.timeZone}) + ${q.endExclusive ? "0 seconds" : "1 second"}::interval as re,
         ${q.now.toISOString()}::timestamptz as now_
),
days as (
  select g::date as day, (g at time zone p.tz) as ds, ((g + interval '1 day') at time zone p.tz) as de
  from p, generate_series((p.rs at time zone p.tz)::date::timestamp, ((p.re - interval '1 microsecond') at time zone p.tz)::date::timestamp, interval '1 day') g
),
grid0 as (
  select u.user_id, d.day, d.ds, d.de,
         (d.ds at time zone 'UTC')::date as d0, ((d.de - interval '1 microsecond') at time zone 'UTC')::date as d1,
         (d.ds >= p.rs and d.de <= p.re and d.de <= p.now_) as whole_past
  from (select distinct unnest(${users}) as user_id) u cross join days d cross join p
),
-- a day overlapping a running entry keeps changing: never cached
running as (
  select e.user_id, min(e.started_at) as since from time_entries e
  where e.organization_id = ${org} and e.user_id = any(${users}) and e.stopped_at is null
  group by e.user_id
),
vers as (
  select v.user_id, v.utc_date, v.version from dashboard_versions v
  where v.organization_id = ${org} and v.user_id = any(${users})
    and v.utc_date between (select min(d0) from grid0) and (select max(d1) from grid0)
),
gv as (
  select g.user_id, g.day, sum(v.version) as dv
  from grid0 g join vers v on v.user_id = g.user_id and v.utc_date between g.d0 and g.d1
  group by g.user_id, g.day
),
grid as (
  select g.user_id, g.day, g.ds, g.de, coalesce(gv.dv, 0) as dv,
         g.whole_past and (r.since is null or r.since >= g.de) as cacheable
  from grid0 g left join gv using (user_id, day) left join running r using (user_id)
),
orgv as (select coalesce((select version from dashboard_org_versions where organization_id = ${org}), 0) as v),
hit as (
  select g.user_id, g.day, c.idle, c.work, c.covered, c.unproductive, c.in_time, c.out_time
  from grid g
  join dashboard_day_rollups c on c.organization_id = ${org} and c.user_id = g.user_id and c.time_zone = ${q.timeZone} and c.day = g.day
   and c.data_version = g.dv and c.org_version = (select v from orgv) and c.formula = ${ROLLUP_FORMULA}
  where g.cacheable
),
miss as (
  select g.* from grid g where not exists (select 1 from hit h where h.user_id = g.user_id and h.day = g.day)
),
-- the raw computation covers the missing user-days only (the literal user list in the scans
-- below gives the planner its row estimates; w.users narrows them down)
w as (
  select (select tz from p) as tz, greatest(min(m.ds), (select rs from p)) as rs, least(max(m.de), (select re from p)) as re,
         (select now_ from p) as now_, array_agg(distinct m.user_id) as users
  from miss m having count(*) > 0
),
-- entries of the users overlapping the range (GiST index of the no-overlap constraint), clipped to it
ent as (
  select e.user_id, e.log_type = 'IDLE' as idle, greatest(e.started_at, w.rs) as s, least(coalesce(e.stopped_at, w.now_), w.re) as t
  from w cross join unnest(${users}) as u(id)
  join time_entries e on e.organization_id = ${org} and e.user_id = u.id and u.id = any(w.users)
   and tstzrange(e.started_at, coalesce(e.stopped_at, 'infinity'::timestamptz), '[)') && tstzrange(w.rs, w.re, '[)')
  where greatest(e.started_at, w.rs) < least(coalesce(e.stopped_at, w.now_), w.re)
),
-- entries split at local midnights
ep as (
  select ent.user_id, ent.idle, d.day, greatest(ent.s, d.ds) as s, least(ent.t, d.de) as t
  from ent join days d on d.ds < ent.t and d.de > ent.s
),
act as (
  select a.user_id, a.type, lower(a.name) as name, a.started_at as s,
         a.started_at + make_interval(secs => least(a.duration, ${MAX_ACTIVITY_SECONDS})) as t
  from w join activities a on a.organization_id = ${org} and a.user_id = any(${users})
   and a.started_at >= w.rs - ${`${MAX_ACTIVITY_SECONDS} seconds`}::interval and a.started_at < w.re
   -- constant bounds a little wider than the exact ones, so the planner sees how many rows come
   and a.started_at >= ${scanFrom.toISOString()}::timestamptz and a.started_at < ${scanTo.toISOString()}::timestamptz
  where a.user_id = any(w.users)
),
-- the rules matching each (type, name): an app by name, a domain by itself or a parent domain
cand as (
  select n.type, n.name, r.team_id, r.classification, length(r.pattern) as len, r.created_at, r.id
  from (select distinct type, name from act) n
  join productivity_rules r on r.organization_id = ${org}
   and r.match_type::text = (case when n.type = 'APP' then 'APP' else 'DOMAIN' end)
   and (r.pattern = n.name or (r.match_type = 'DOMAIN' and right(n.name, length(r.pattern) + 1) = '.' || r.pattern))
),
-- most specific organisation rule: the longest pattern
best_org as (
  select distinct on (type, name) type, name, classification
  from cand where team_id is null
  order by type, name, len desc, created_at, id
),
-- a team override of one of the user's teams beats any organisation rule
best_team as (
  select distinct on (tm.user_id, c.type, c.name) tm.user_id, c.type, c.name, c.classification
  from cand c join team_members tm on tm.organization_id = ${org} and tm.team_id = c.team_id and tm.user_id = any(${users})
  order by tm.user_id, c.type, c.name, c.len desc, c.created_at, c.id
),
cact as (
  select a.user_id, tstzrange(a.s, a.t, '[)') as r, coalesce(bt.classification, bo.classification) as cls
  from act a
  left join best_org bo on bo.type = a.type and bo.name = a.name
  left join best_team bt on bt.user_id = a.user_id and bt.type = a.type and bt.name = a.name
  where a.t > (select rs from w) and coalesce(bt.classification, bo.classification) in ('PRODUCTIVE', 'UNPRODUCTIVE')
),
-- classified activity time per user, merged into disjoint ranges
am as (
  select user_id, range_agg(r) as any_r, coalesce(range_agg(r) filter (where cls = 'UNPRODUCTIVE'), '{}'::tstzmultirange) as unp_r
  from cact group by user_id
),
-- work time per user and day (entries already split at midnight, so days stay apart)
wm as (
  select user_id, day, range_agg(tstzrange(s, t, '[)')) as w from ep where not idle group by user_id, day
),
-- work time covered by classified activities, per user and day
cov_day as (
  select wm.user_id, wm.day,
         (select coalesce(sum(extract(epoch from upper(x) - lower(x))), 0) from unnest(wm.w * am.any_r) x) as covered,
         (select coalesce(sum(extract(epoch from upper(x) - lower(x))), 0) from unnest(wm.w * am.unp_r) x) as unproductive
  from wm join am using (user_id)
),
raw_day as (
  select e.user_id, e.day, e.idle, e.work, coalesce(c.covered, 0) as covered, coalesce(c.unproductive, 0) as unproductive, e.in_time, e.out_time
  from (
    select user_id, day,
           coalesce(sum(extract(epoch from t - s)) filter (where idle), 0) as idle,
           coalesce(sum(extract(epoch from t - s)) filter (where not idle), 0) as work,
           min(s) as in_time, max(t) as out_time
    from ep group by user_id, day
  ) e
  left join cov_day c using (user_id, day)
),
computed as (
  select m.user_id, m.day, m.dv, m.cacheable, coalesce(r.idle, 0) as idle, coalesce(r.work, 0) as work,
         coalesce(r.covered, 0) as covered, coalesce(r.unproductive, 0) as unproductive, r.in_time, r.out_time
  from miss m left join raw_day r using (user_id, day)
),
saved as (
  insert into dashboard_day_rollups as c (organization_id, user_id, time_zone, day, data_version, org_version, formula, idle, work, covered, unproductive, in_time, out_time)
  select ${org}, user_id, ${q.timeZone}, day, dv, (select v from orgv), ${ROLLUP_FORMULA}, idle, work, covered, unproductive, in_time, out_time
  from computed where cacheable
  order by user_id, day -- one order for every writer, so concurrent requests do not deadlock
  on conflict (organization_id, user_id, time_zone, day) do update set
    data_version = excluded.data_version, org_version = excluded.org_version, formula = excluded.formula,
    idle = excluded.idle, work = excluded.work, covered = excluded.covered, unproductive = excluded.unproductive,
    in_time = excluded.in_time, out_time = excluded.out_time, computed_at = now()
),
per_day as (
  select user_id, day, idle, work, covered, unproductive, in_time, out_time from hit where in_time is not null
  union all
  select user_id, day, idle, work, covered, unproductive, in_time, out_time from computed where in_time is not null
)`;
}

/**
 * Whole seconds of one user-day, rounded so that the invariants hold exactly:
 * total = active + idle and active = productive + neutral + unproductive (rounding is
 * monotone and unproductive ≤ covered ≤ work, so no part turns negative).
 */
export const roundedColumns = sql`
  round(idle)::bigint as idle_s,
  round(work)::bigint as active_s,
  (round(covered) - round(unproductive))::bigint as productive_s,
  round(unproductive)::bigint as unproductive_s,
  (round(work) - round(covered))::bigint as neutral_s`;
