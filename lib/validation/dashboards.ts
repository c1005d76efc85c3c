import { z } from "zod";
import { daysFromTo, toWallClock, wallClockOrInstantSchema } from "@/lib/time";
import { timeZone, uuid } from "./common";

// Request bodies of the dashboard family (seeds 000-002). startDate/endDate are wall-clock
// times read in the body's timeZone, or RFC 3339 instants (issue 14), which are turned here
// into the wall clock of that zone, so the services read wall-clock times only. Shape, range
// (lib/time/instants.ts) and order are checked here.

/** The longest range a dashboard answers, in calendar days (docs/dashboards.md). */
export const MAX_RANGE_DAYS = 31;
export const POW_PAGE_SIZE = 10;
export const POW_MAX_PAGE_SIZE = 100;

const ids = (max: number) => z.array(uuid).max(max, `must hold at most ${max} ids`).default([]);

const base = {
  startDate: wallClockOrInstantSchema,
  endDate: wallClockOrInstantSchema,
  timeZone,
  userId: ids(1000),
  teamId: ids(100),
};

type Base = { startDate: string; endDate: string; userId: string[]; teamId: string[] };

/** Instants become the wall clock of the request's zone. */
function toWall<T extends { startDate: Parameters<typeof toWallClock>[0]; endDate: Parameters<typeof toWallClock>[0]; timeZone: string }>(b: T) {
  return { ...b, startDate: toWallClock(b.startDate, b.timeZone), endDate: toWallClock(b.endDate, b.timeZone) };
}

function checkBase(b: Base, ctx: z.RefinementCtx): void {
  if (b.userId.length === 0 && b.teamId.length === 0) {
    ctx.addIssue({ code: "custom", path: ["userId"], message: "either userId or teamId must hold at least one id" });
  }
  // Same fixed-width format, so string order is time order.
  if (b.endDate < b.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "must not be before startDate" });
  } else if (daysFromTo(b.startDate, b.endDate) + 1 > MAX_RANGE_DAYS) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: `the range may span at most ${MAX_RANGE_DAYS} calendar days` });
  }
}

export const dashboardBody = z.object(base).transform(toWall).superRefine(checkBase);
export type DashboardBody = z.infer<typeof dashboardBody>;

export const proofOfWorkBody = z
  .object({
    ...base,
    offset: z.coerce.number({ message: "must be a number" }).int("must be an integer").min(1, "must be at least 1 (pages count from 1)").max(1_000_000).default(1),
    limit: z.coerce
      .number({ message: "must be a number" })
      .int("must be an integer")
      .min(1, "must be at least 1")
      .default(POW_PAGE_SIZE)
      .transform((n) => Math.min(n, POW_MAX_PAGE_SIZE)),
  })
  .transform(toWall)
  .superRefine(checkBase);
export type ProofOfWorkBody = z.infer<typeof proofOfWorkBody>;
