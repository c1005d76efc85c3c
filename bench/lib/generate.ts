import { sql } from "drizzle-orm";
import type { Db, DbKind } from "@/db/client";
import { rowsOf } from "@/db/sql";
import { seedDefaultProductivityRules } from "@/lib/services/activity";

// A generated organisation, written with set-based SQL so it runs on PostgreSQL and on PGlite:
// users in teams, six entries a working day (four tracked blocks, two idle pieces), 10-minute
// slots over the tracked blocks, and `activitiesPerDay` activities a day. Reused when present.

export interface GenSize {
  users: number;
  teams: number;
  days: number;
  activitiesPerDay: number;
}

export interface BenchOrg {
  orgId: string;
  adminId: string;
  memberId: string;
  teamIds: string[];
  firstDay: string;
  counts: { entries: number; slots: number; activities: number };
}

export const TZ = "Europe/Berlin";
export const FIRST_DAY = "2025-10-06"; // a Monday
const NAMES = ["Code", "IntelliJ IDEA", "Terminal", "Slack", "Zoom", "Figma", "Postman", "Spotify", "Notion", "Mail",
  "github.com", "gitlab.com", "stackoverflow.com", "docs.google.com", "www.youtube.com", "www.reddit.com", "news.ycombinator.com", "linear.app"];
const lit = (list: readonly string[]) => sql.raw(`array[${list.map((s) => `'${s.replace(/'/g, "''")}'`).join(",")}]::text[]`);

export async function benchOrganisation(db: Db, kind: DbKind, size: GenSize, log: (s: string) => void = () => {}): Promise<BenchOrg> {
  const name = `bench-run ${size.users}u ${size.teams}t ${size.days}d ${size.activitiesPerDay}a`;
  const [existing] = rowsOf<{ id: string; description: string | null }>(await db.execute(sql`select id, description from organizations where name = ${name}`));
  if (existing?.description === "complete") return load(db, existing.id);
  if (existing) await db.execute(sql`delete from organizations where id = ${existing.id}`);
  const t0 = performance.now();
  const [org] = rowsOf<{ id: string }>(await db.execute(sql`insert into organizations (name, default_time_zone) values (${name}, ${TZ}) returning id`));
  const orgId = org!.id;
  await db.execute(sql`select setseed(0.42)`);
  await db.execute(sql`
    insert into users (organization_id, email, first_name, last_name, role, time_zone)
    select ${orgId}::uuid, 'admin-' || ${orgId}::text || '@bench.test', 'Ada', 'Admin', 'admin'::user_role, ${TZ}::text
    union all
    select ${orgId}::uuid, 'user' || i || '-' || ${orgId}::text || '@bench.test', 'User', lpad(i::text, 4, '0'), 'member'::user_role, ${TZ}::text
    from generate_series(1, ${size.users}) i`);
  await db.execute(sql`insert into user_emails (email, organization_id, user_id) select email, organization_id, id from users where organization_id = ${orgId}`);
  await db.execute(sql`insert into teams (organization_id, name) select ${orgId}, 'Team ' || lpad(t::text, 3, '0') from generate_series(1, ${size.teams}) t`);
  await db.execute(sql`
    insert into team_members (organization_id, team_id, user_id, is_manager)
    select ${orgId}, t.id, u.id, u.n <= ${size.teams}
    from (select id, row_number() over (order by last_name) as n from users where organization_id = ${orgId} and role = 'member') u
    join (select id, row_number() over (order by name) as n from teams where organization_id = ${orgId}) t on t.n = (u.n - 1) % ${size.teams} + 1`);
  await seedDefaultProductivityRules(db, orgId);
  await db.execute(sql`drop table if exists bench_work`);
  await db.execute(sql`
    create ${sql.raw(kind === "pglite" ? "temporary" : "unlogged")} table bench_work as
    select u.id as user_id, (${FIRST_DAY}::date + d.n)::timestamp at time zone 'UTC' + make_interval(secs => 7 * 3600 + floor(random() * 4800) - 2400) as ws
    from (select id from users where organization_id = ${orgId} and role = 'member') u
    cross join generate_series(0, ${size.days - 1}) as d(n)`);
  await db.execute(sql`
    insert into time_entries (organization_id, user_id, started_at, stopped_at, log_type, source)
    select ${orgId}, w.user_id, w.ws + b.s * interval '1 minute', w.ws + b.t * interval '1 minute', b.kind::log_type, 'DESKTOP'
    from bench_work w
    cross join (values (0, 120, 'TRACKED'), (120, 135, 'IDLE'), (135, 240, 'TRACKED'), (285, 420, 'TRACKED'), (420, 440, 'IDLE'), (440, 540, 'TRACKED')) as b(s, t, kind)`);
  await db.execute(sql`
    insert into time_slots (organization_id, user_id, started_at, keyboard, mouse, overall)
    select ${orgId}, w.user_id, date_bin('10 minutes', w.ws, timestamptz '2000-01-01') + k * interval '10 minutes', 200, 300, 400
    from bench_work w cross join generate_series(1, 50) k`);
  const spacing = Math.floor((9 * 3600) / size.activitiesPerDay);
  const userIds = rowsOf<{ user_id: string }>(await db.execute(sql`select distinct user_id from bench_work order by user_id`)).map((r) => r.user_id);
  const chunk = Math.max(1, Math.floor(200_000 / (size.activitiesPerDay * size.days)));
  for (let i = 0; i < userIds.length; i += chunk) {
    const batch = userIds.slice(i, i + chunk);
    await db.execute(sql`
      insert into activities (organization_id, user_id, type, name, started_at, duration)
      select ${orgId}, w.user_id, (case when strpos(n.name, '.') > 0 then 'URL' else 'APP' end)::activity_type, n.name,
             w.ws + make_interval(secs => k * ${spacing}), (${Math.ceil(spacing / 3)} + floor(random() * ${spacing}))::int
      from bench_work w
      cross join generate_series(0, ${size.activitiesPerDay - 1}) as k
      cross join lateral (select (${lit(NAMES)})[1 + floor(random() * ${NAMES.length} + k * 0)::int] as name) n
      where w.user_id = any(${`{${batch.join(",")}}`}::uuid[])`);
    log(`  activities: ${Math.min(i + chunk, userIds.length)}/${userIds.length} users`);
  }
  await db.execute(sql`drop table bench_work`);
  for (const t of ["activities", "time_entries", "time_slots", "users", "team_members", "auth_sessions"]) await db.execute(sql.raw(`analyze ${t}`));
  await db.execute(sql`update organizations set description = 'complete' where id = ${orgId}`);
  log(`  generated ${name} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return load(db, orgId);
}

async function load(db: Db, orgId: string): Promise<BenchOrg> {
  const [admin] = rowsOf<{ id: string }>(await db.execute(sql`select id from users where organization_id = ${orgId} and role = 'admin'`));
  const [member] = rowsOf<{ id: string }>(await db.execute(sql`select id from users where organization_id = ${orgId} and role = 'member' order by last_name desc limit 1`));
  const teams = rowsOf<{ id: string }>(await db.execute(sql`select id from teams where organization_id = ${orgId} order by name`));
  const [c] = rowsOf<{ e: string; s: string; a: string }>(await db.execute(sql`select
    (select count(*) from time_entries where organization_id = ${orgId}) as e,
    (select count(*) from time_slots where organization_id = ${orgId}) as s,
    (select count(*) from activities where organization_id = ${orgId}) as a`));
  return {
    orgId, adminId: admin!.id, memberId: member!.id, teamIds: teams.map((t) => t.id), firstDay: FIRST_DAY,
    counts: { entries: Number(c!.e), slots: Number(c!.s), activities: Number(c!.a) },
  };
}
