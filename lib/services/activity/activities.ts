import { createHash } from "node:crypto";
import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/sql";
import { activities, type Activity } from "@/db/schema";
import type { Caller } from "@/lib/auth/permissions";
import { now, wholeSecond } from "@/base/clock";
import { invalidField } from "@/lib/errors";
import type { ActivityInput, ActivityListQuery } from "@/lib/validation/timesheet";
import { isInFuture } from "@/lib/time";
import { resolveProjectTask } from "@/lib/services/tracking/time-entries";
import { assertCallerOrg, inScope, instantRange, userScope } from "@/lib/services/timesheets/scope";
import type { ActivityGroupView, ActivityView } from "@/lib/validation/timesheet-responses";

// App and URL activities reported by desktop agents. Ingestion is idempotent on the
// agent's clientId (unique per organisation and user), so a retried upload never adds
// time twice; an activity sent without one gets an id derived from its content.

export function activityView(a: Activity): ActivityView {
  return {
    id: a.id,
    clientId: a.clientId,
    organizationId: a.organizationId,
    employeeId: a.userId,
    type: a.type,
    name: a.name,
    title: a.title,
    url: a.url,
    startedAt: a.startedAt.toISOString(),
    duration: a.duration,
    projectId: a.projectId,
    taskId: a.taskId,
    createdAt: a.createdAt.toISOString(),
  };
}
export type { ActivityView };

/** An app or host and its seconds inside the range. */
export type ActivityGroup = ActivityGroupView;

/** The web host of a URL activity, lower-cased: what domain productivity rules match. */
export function hostOf(raw: string): string | null {
  const s = raw.trim();
  if (!s) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`).hostname.toLowerCase().replace(/\.$/, "");
    return host || null;
  } catch {
    return null;
  }
}

/**
 * Activities of the users the caller may see that overlap the range, newest first; with
 * groupBy=name one row per app or host, its time clipped to the range, longest first.
 */
export async function listActivities(
  db: Db,
  caller: Caller,
  q: ActivityListQuery,
): Promise<{ items: ActivityView[] | ActivityGroup[]; total: number }> {
  const scope = await userScope(db, caller, q.employeeId);
  const { from, to } = instantRange(q, caller);
  const end = sql`${activities.startedAt} + make_interval(secs => ${activities.duration})`;
  const where = and(
    eq(activities.organizationId, caller.orgId),
    inScope(sql`${activities.userId}`, scope),
    from ? sql`${end} > ${from.toISOString()}::timestamptz` : undefined,
    to ? sql`${activities.startedAt} < ${to.toISOString()}::timestamptz` : undefined,
    q.type ? eq(activities.type, q.type) : undefined,
  );
  const offset = (q.page - 1) * q.limit;
  if (q.groupBy === "name") {
    const s = from ? sql`greatest(${activities.startedAt}, ${from.toISOString()}::timestamptz)` : sql`${activities.startedAt}`;
    const t = to ? sql`least(${end}, ${to.toISOString()}::timestamptz)` : end;
    const rows = rowsOf<{ type: Activity["type"]; name: string; duration: string | number; n: string | number; total: string | number }>(
      await db.execute(sql`
        select ${activities.type} as type, ${activities.name} as name,
               floor(sum(extract(epoch from ${t} - ${s})))::bigint as duration, count(*) as n, count(*) over () as total
        from ${activities} where ${where}
        group by ${activities.type}, ${activities.name}
        order by duration desc, name, type
        limit ${q.limit} offset ${offset}`),
    );
    const total = rows.length ? Number(rows[0]!.total) : offset === 0 ? 0 : await groupCount(db, where);
    return { items: rows.map((r) => ({ type: r.type, name: r.name, duration: Number(r.duration), count: Number(r.n) })), total };
  }
  const rows = await db.select().from(activities).where(where).orderBy(desc(activities.startedAt), desc(activities.id)).limit(q.limit).offset(offset);
  const [total] = await db.select({ n: count() }).from(activities).where(where);
  return { items: rows.map(activityView), total: Number(total?.n ?? 0) };
}

async function groupCount(db: Db, where: ReturnType<typeof and>): Promise<number> {
  const [r] = rowsOf<{ n: string | number }>(
    await db.execute(sql`select count(distinct (${activities.type}, ${activities.name})) as n from ${activities} where ${where}`),
  );
  return Number(r?.n ?? 0);
}

function contentId(a: ActivityInput): string {
  const key = [a.type, a.name ?? "", a.title ?? "", a.url ?? "", a.startedAt.toISOString(), a.duration, a.projectId ?? "", a.taskId ?? ""].join("\u0000");
  return `auto:${createHash("sha256").update(key).digest("hex").slice(0, 40)}`;
}

function normalise(input: ActivityInput, i: number, at: Date) {
  const field = (f: string) => `activities.${i}.${f}`;
  // instants are whole seconds (SPEC.md), before the content id is derived from them
  const a = { ...input, startedAt: wholeSecond(input.startedAt) };
  if (isInFuture(a.startedAt, at)) throw invalidField(field("startedAt"), "must not be in the future");
  let name: string;
  if (a.type === "URL") {
    const host = hostOf(a.url ?? a.name ?? a.title ?? "");
    if (!host) throw invalidField(field("url"), "must be a URL or a host name for a URL activity");
    name = host;
  } else {
    const app = (a.name ?? a.title ?? "").trim();
    if (!app) throw invalidField(field("name"), "is required for an APP activity (the application's name)");
    name = app;
  }
  return { ...a, name, clientId: a.clientId ?? contentId(a) };
}

export interface IngestResult {
  items: ActivityView[];
  total: number;
  /** How many activities of the batch were new. */
  created: number;
  /** How many were already stored (a retry): they add no time. */
  duplicates: number;
}

/** Stores a batch of the caller's activities; a clientId seen before is skipped, not counted again. */
export async function ingestActivities(
  db: Db,
  caller: Caller,
  body: { organizationId?: string; activities: ActivityInput[] },
): Promise<IngestResult> {
  assertCallerOrg(caller, body.organizationId);
  const at = now();
  const batch = new Map<string, ReturnType<typeof normalise>>();
  body.activities.forEach((a, i) => {
    const n = normalise(a, i, at);
    if (!batch.has(n.clientId)) batch.set(n.clientId, n);
  });
  const refs = new Map<string, { projectId: string | null; taskId: string | null }>();
  for (const a of batch.values()) {
    const key = `${a.projectId ?? ""}/${a.taskId ?? ""}`;
    if (!refs.has(key)) refs.set(key, await resolveProjectTask(db, caller.orgId, a.projectId, a.taskId, { field: "activities.taskId" }));
  }
  const values = [...batch.values()].map((a) => ({
    organizationId: caller.orgId,
    userId: caller.userId,
    ...refs.get(`${a.projectId ?? ""}/${a.taskId ?? ""}`)!,
    type: a.type,
    name: a.name,
    title: a.title ?? null,
    url: a.url ?? null,
    startedAt: a.startedAt,
    duration: a.duration,
    clientId: a.clientId,
  }));
  const inserted = await db
    .insert(activities)
    .values(values)
    .onConflictDoNothing({ target: [activities.organizationId, activities.userId, activities.clientId], where: sql`client_id is not null` })
    .returning({ id: activities.id });
  const stored = await db
    .select()
    .from(activities)
    .where(and(eq(activities.organizationId, caller.orgId), eq(activities.userId, caller.userId), inArray(activities.clientId, [...batch.keys()])));
  const order = new Map([...batch.keys()].map((k, i) => [k, i]));
  stored.sort((x, y) => order.get(x.clientId!)! - order.get(y.clientId!)!);
  return { items: stored.map(activityView), total: stored.length, created: inserted.length, duplicates: body.activities.length - inserted.length };
}
