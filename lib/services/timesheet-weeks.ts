import { and, eq } from "drizzle-orm";
import { safeZone } from "@/lib/time/known-zones";
import type { Db } from "@/db/client";
import { timesheets, users, type Timesheet } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { weekStartOf } from "@/lib/time/zones";

export const LOCKED_STATUSES = new Set<Timesheet["status"]>(["PENDING", "IN_REVIEW", "APPROVED"]);

/** The user's sheet for the Monday-based week (in their time zone) holding `instant`; created on first use. */
export async function ensureWeekSheet(db: Db, orgId: string, userId: string, instant: Date, timeZone: string): Promise<Timesheet> {
  const weekStart = weekStartOf(instant, timeZone);
  const find = () =>
    db
      .select()
      .from(timesheets)
      .where(and(eq(timesheets.organizationId, orgId), eq(timesheets.userId, userId), eq(timesheets.weekStart, weekStart)));
  // most writes land in a week that has its sheet already: one round trip
  const [existing] = await find();
  if (existing) return existing;
  const [created] = await db.insert(timesheets).values({ organizationId: orgId, userId, weekStart }).onConflictDoNothing().returning();
  return created ?? (await find())[0]!;
}

/** Refuses a change to an entry of a submitted or approved week (423). */
export function assertSheetEditable(sheet: Pick<Timesheet, "id" | "status" | "weekStart">): void {
  if (LOCKED_STATUSES.has(sheet.status)) {
    throw new AppError("timesheet_locked", `The timesheet of the week starting ${sheet.weekStart} is ${sheet.status} and cannot be changed`, {
      timesheetId: sheet.id,
      status: sheet.status,
    });
  }
}

/** Sheet status of an entry's week without creating it (for checks on existing entries). */
export async function sheetById(db: Db, orgId: string, id: string | null): Promise<Timesheet | null> {
  if (!id) return null;
  const [row] = await db.select().from(timesheets).where(and(eq(timesheets.organizationId, orgId), eq(timesheets.id, id)));
  return row ?? null;
}

/**
 * Locks the user's row so timer and entry writes of one user run one at a time; answers the
 * user's time zone (read in the same round trip), 404 when the user is not in the organisation.
 */
export async function lockUser(db: Db, orgId: string, userId: string): Promise<{ timeZone: string }> {
  const [u] = await db
    .select({ timeZone: users.timeZone })
    .from(users)
    .where(and(eq(users.organizationId, orgId), eq(users.id, userId)))
    .for("update");
  if (!u) throw notFound("User");
  return { timeZone: safeZone(u.timeZone) };
}
