import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { timesheets, type Timesheet } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { weekStartOf } from "@/lib/time/zones";

export const LOCKED_STATUSES = new Set<Timesheet["status"]>(["PENDING", "IN_REVIEW", "APPROVED"]);

/** The user's sheet for the Monday-based week (in their time zone) holding `instant`; created on first use. */
export async function ensureWeekSheet(db: Db, orgId: string, userId: string, instant: Date, timeZone: string): Promise<Timesheet> {
  const weekStart = weekStartOf(instant, timeZone);
  const [created] = await db
    .insert(timesheets)
    .values({ organizationId: orgId, userId, weekStart })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const [existing] = await db
    .select()
    .from(timesheets)
    .where(and(eq(timesheets.organizationId, orgId), eq(timesheets.userId, userId), eq(timesheets.weekStart, weekStart)));
  return existing!;
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

/** Locks the user's row so timer and entry writes of one user run one at a time. */
export async function lockUser(db: Db, orgId: string, userId: string): Promise<void> {
  await db.execute(sql`select 1 from users where organization_id = ${orgId} and id = ${userId} for update`);
}
