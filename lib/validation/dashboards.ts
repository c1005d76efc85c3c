import { z } from "zod";
import { timeZone, uuid } from "./common";

// Request bodies of the dashboard family (seeds 000-002). Wall-clock times are read in
// the body's timeZone by the services; here only their shape and order are checked.

/** The longest range a dashboard answers, in calendar days (docs/dashboards.md). */
export const MAX_RANGE_DAYS = 31;
export const POW_PAGE_SIZE = 10;
export const POW_MAX_PAGE_SIZE = 100;

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** A real calendar date and time of day, as "YYYY-MM-DD HH:mm:ss". */
function isWallClock(s: string): boolean {
  const m = WALL_CLOCK.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi, se));
  return (
    y >= 1970 && y <= 9999 && probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d &&
    probe.getUTCHours() === h && probe.getUTCMinutes() === mi && probe.getUTCSeconds() === se
  );
}

const wallClock = z
  .string({ message: "must be a string" })
  .refine(isWallClock, { message: "must be a wall-clock time as YYYY-MM-DD HH:mm:ss" })
  .transform((s) => s.replace("T", " "));

/** Days from one calendar date to another (both YYYY-MM-DD…). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);

const ids = (max: number) => z.array(uuid).max(max, `must hold at most ${max} ids`).default([]);

const base = {
  startDate: wallClock,
  endDate: wallClock,
  timeZone,
  userId: ids(1000),
  teamId: ids(100),
};

type Base = { startDate: string; endDate: string; userId: string[]; teamId: string[] };

function checkBase(b: Base, ctx: z.RefinementCtx): void {
  if (b.userId.length === 0 && b.teamId.length === 0) {
    ctx.addIssue({ code: "custom", path: ["userId"], message: "either userId or teamId must hold at least one id" });
  }
  // Same fixed-width format, so string order is time order.
  if (b.endDate < b.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "must not be before startDate" });
  } else if (daysBetween(b.startDate, b.endDate) + 1 > MAX_RANGE_DAYS) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: `the range may span at most ${MAX_RANGE_DAYS} calendar days` });
  }
}

export const dashboardBody = z.object(base).superRefine(checkBase);
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
  .superRefine(checkBase);
export type ProofOfWorkBody = z.infer<typeof proofOfWorkBody>;
