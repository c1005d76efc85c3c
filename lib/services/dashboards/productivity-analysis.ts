import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Caller } from "@/lib/auth/permissions";
import { assertSelectionReadable, selectAudience } from "./audience";
import { exactRange, metricsOf, runMetricsSql, type DashboardInput, type RoundedRow } from "./common";
import { perDayCte, roundedColumns, type MetricsRange } from "./metrics-sql";
import type { ProductivityAnalysisRow } from "@/lib/validation/dashboard-responses";

// POST /v1/dashboard/productivity-analysis (seed 000): per user, active time split into
// productive, unproductive and neutral over the exact range.

export type { ProductivityAnalysisRow };

/** The bare SQL: per user sums of the rounded user-days. */
export function productivityAnalysisSql(q: MetricsRange): SQL {
  return sql`${perDayCte(q)}
select user_id, sum(idle_s) as idle_s, sum(active_s) as active_s, sum(productive_s) as productive_s,
       sum(unproductive_s) as unproductive_s, sum(neutral_s) as neutral_s
from (select user_id, ${roundedColumns} from per_day) r
group by user_id`;
}

export async function productivityAnalysis(db: Db, caller: Caller, input: DashboardInput): Promise<ProductivityAnalysisRow[]> {
  await assertSelectionReadable(db, caller, input);
  const { users } = await selectAudience(db, caller.orgId, input);
  if (users.length === 0) return [];
  const rows = await runMetricsSql<RoundedRow & { user_id: string }>(db, productivityAnalysisSql(exactRange(caller.orgId, users, input)));
  const byUser = new Map(rows.map((r) => [r.user_id, r]));
  return users.map((user) => {
    const m = metricsOf(byUser.get(user.userId));
    return {
      user,
      timeSummary: {
        activeWorkedTimeInSeconds: m.activeTimeSpendSeconds,
        productiveWorkedTimeInSeconds: m.productiveTimeSpendSeconds,
        unproductiveWorkedTimeInSeconds: m.unproductiveTimeSpendSeconds,
        neutralWorkedTimeInSeconds: m.neutralTimeSpendSeconds,
      },
    };
  });
}
