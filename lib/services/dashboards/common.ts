import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/sql";
import { pgErrorOf } from "@/lib/db-errors";
import { invalidField } from "@/lib/errors";
import { nowWholeSecond } from "@/base/clock";
import { inTx } from "@/lib/services/platform/tx";
import type { AudienceUser } from "./audience";
import type { MetricsRange } from "./metrics-sql";

// Pieces the three dashboard services share.

export interface DashboardInput {
  /** Wall-clock "YYYY-MM-DD HH:mm:ss" in timeZone; endDate is the range's last whole second. */
  startDate: string;
  endDate: string;
  timeZone: string;
  userId: string[];
  teamId: string[];
}

export interface Metrics {
  totalTimeSpendSeconds: number;
  activeTimeSpendSeconds: number;
  idleTimeSpendSeconds: number;
  productiveTimeSpendSeconds: number;
  neutralTimeSpendSeconds: number;
  unproductiveTimeSpendSeconds: number;
}

/** The rounded columns of metrics-sql.ts (drivers return numeric and bigint as strings). */
export interface RoundedRow {
  idle_s: number | string;
  active_s: number | string;
  productive_s: number | string;
  unproductive_s: number | string;
  neutral_s: number | string;
}

/** The request's own range (endDate its last whole second) over the given users, up to now. */
export function exactRange(orgId: string, users: AudienceUser[], input: DashboardInput): MetricsRange {
  return {
    orgId,
    userIds: users.map((u) => u.userId),
    timeZone: input.timeZone,
    startLocal: input.startDate,
    endLocal: input.endDate,
    endExclusive: false,
    now: nowWholeSecond(),
  };
}

export function metricsOf(r: RoundedRow | undefined): Metrics {
  const idle = Number(r?.idle_s ?? 0);
  const active = Number(r?.active_s ?? 0);
  return {
    totalTimeSpendSeconds: active + idle,
    activeTimeSpendSeconds: active,
    idleTimeSpendSeconds: idle,
    productiveTimeSpendSeconds: Number(r?.productive_s ?? 0),
    neutralTimeSpendSeconds: Number(r?.neutral_s ?? 0),
    unproductiveTimeSpendSeconds: Number(r?.unproductive_s ?? 0),
  };
}

export const zeroMetrics = (): Metrics => metricsOf(undefined);

export function addMetrics(a: Metrics, b: Metrics): Metrics {
  return {
    totalTimeSpendSeconds: a.totalTimeSpendSeconds + b.totalTimeSpendSeconds,
    activeTimeSpendSeconds: a.activeTimeSpendSeconds + b.activeTimeSpendSeconds,
    idleTimeSpendSeconds: a.idleTimeSpendSeconds + b.idleTimeSpendSeconds,
    productiveTimeSpendSeconds: a.productiveTimeSpendSeconds + b.productiveTimeSpendSeconds,
    neutralTimeSpendSeconds: a.neutralTimeSpendSeconds + b.neutralTimeSpendSeconds,
    unproductiveTimeSpendSeconds: a.unproductiveTimeSpendSeconds + b.unproductiveTimeSpendSeconds,
  };
}

/** The seeds' `overallSummary` names for a sum of metrics. */
export function overallOf(m: Metrics) {
  return {
    totalActiveTimeSpendSeconds: m.activeTimeSpendSeconds,
    totalIdleTimeSpendSeconds: m.idleTimeSpendSeconds,
    totalTimeSpendSeconds: m.totalTimeSpendSeconds,
    totalProductiveTimeSpendSeconds: m.productiveTimeSpendSeconds,
    totalNeutralTimeSpendSeconds: m.neutralTimeSpendSeconds,
    totalUnproductiveTimeSpendSeconds: m.unproductiveTimeSpendSeconds,
  };
}

/**
 * Runs a dashboard statement. JIT is switched off for it: the planner's generic estimates for
 * generate_series and the CTEs put its cost above jit_above_cost, and compiling costs far more
 * (hundreds of ms) than the statement itself. A zone the database does not know is the
 * caller's error, not ours.
 */
export async function runMetricsSql<T>(db: Db, query: SQL): Promise<T[]> {
  try {
    return await inTx(db, async (tx) => {
      await tx.execute(sql`set local jit = off`);
      return rowsOf<T>(await tx.execute(query));
    });
  } catch (err) {
    if (pgErrorOf(err)?.code === "22023") throw invalidField("timeZone", "must be an IANA time zone");
    throw err;
  }
}

/** Seconds after local midnight as "HH:mm:ss" (an average of clock times). */
export function clockOf(seconds: number): string {
  const s = Math.min(Math.max(Math.round(seconds), 0), 86_399);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}
