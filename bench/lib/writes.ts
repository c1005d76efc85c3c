import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/sql";
import { createSession } from "@/lib/services/accounts";
import { POST as createLog } from "@/app/api/timesheet/time-log/route";
import { callRoute, type ReadContext } from "./context";
import { summarize, type Timing } from "./measure";

// Scenario 4: POST /api/timesheet/time-log (zod, auth, overlap check, timesheet upkeep) against
// a plain INSERT of the same row, at a steady 20 requests/s and in a burst.

export interface WriteResult {
  steady: { subject: Timing; baseline: Timing; ratio: number; perSecond: number };
  burst: { size: number; subjectMs: number; baselineMs: number; ratio: number; errors: number; baselineErrors: number };
}

export async function writePath(c: ReadContext, steadySeconds: number, burst: number): Promise<WriteResult> {
  const db = c.handle.db;
  const members = rowsOf<{ id: string }>(await db.execute(sql`select id from users where organization_id = ${c.org.orgId} and role = 'member' order by id limit 50`));
  const tokens = await Promise.all(members.map(async (m) => (await createSession(db, { orgId: c.org.orgId, userId: m.id, kind: "password" })).accessToken));
  // a reused organisation still holds the previous run's writes, all before the generated days
  await db.execute(sql`delete from time_entries where organization_id = ${c.org.orgId} and started_at < ${c.org.firstDay}::date`);
  // every write gets its own two minutes, far before the generated data, so nothing overlaps
  let n = 0;
  const slot = (base: number) => {
    const k = n++;
    const user = k % members.length;
    const start = base + Math.floor(k / members.length) * 120_000;
    return { user, startedAt: new Date(start).toISOString(), stoppedAt: new Date(start + 60_000).toISOString() };
  };
  const routeBase = Date.parse(`${c.org.firstDay}T00:00:00Z`) - 400 * 86_400_000;
  const bareBase = Date.parse(`${c.org.firstDay}T00:00:00Z`) - 200 * 86_400_000;
  const viaRoute = () => {
    const s = slot(routeBase);
    return callRoute(createLog, "POST", "/api/timesheet/time-log", tokens[s.user]!, { startedAt: s.startedAt, stoppedAt: s.stoppedAt }, 201);
  };
  const plain = () => {
    const s = slot(bareBase);
    return db.execute(sql`insert into time_entries (organization_id, user_id, started_at, stopped_at, log_type, source)
      values (${c.org.orgId}, ${members[s.user]!.id}, ${s.startedAt}::timestamptz, ${s.stoppedAt}::timestamptz, 'MANUAL', 'WEB_TIMER')`);
  };
  for (let i = 0; i < 5; i++) {
    await viaRoute();
    await plain();
  }

  const steady = async (fn: () => Promise<unknown>) => {
    const ms: number[] = [];
    const inflight: Promise<void>[] = [];
    const total = 20 * steadySeconds;
    const t0 = performance.now();
    for (let i = 0; i < total; i++) {
      const due = t0 + i * 50;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const t = performance.now();
      inflight.push(fn().then(() => void ms.push(performance.now() - t)));
    }
    await Promise.all(inflight);
    return summarize(ms);
  };
  const steadyRoute = await steady(viaRoute);
  const steadyPlain = await steady(plain);

  const drain = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    const results = await Promise.allSettled(Array.from({ length: burst }, () => fn()));
    const failed = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    if (failed.length) console.log(`  burst: ${failed.length} errors, first: ${String(failed[0]!.reason).slice(0, 300)}`);
    return { ms: performance.now() - t, errors: failed.length };
  };
  const burstRoute = await drain(viaRoute);
  const burstPlain = await drain(plain);
  return {
    steady: { subject: steadyRoute, baseline: steadyPlain, ratio: steadyRoute.p50 / steadyPlain.p50, perSecond: 20 },
    burst: { size: burst, subjectMs: burstRoute.ms, baselineMs: burstPlain.ms, ratio: burstRoute.ms / burstPlain.ms, errors: burstRoute.errors, baselineErrors: burstPlain.errors },
  };
}
