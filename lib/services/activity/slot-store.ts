import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { timeSlots, type TimeSlot } from "@/db/schema";

export const SLOT_SECONDS = 600;

/** Start of the 10-minute slot holding an instant. */
export function slotStart(instant: Date): Date {
  const ms = SLOT_SECONDS * 1000;
  return new Date(Math.floor(instant.getTime() / ms) * ms);
}

/** The user's slot holding `instant`, created (with no activity) if missing. Safe under concurrency. */
export async function ensureSlot(db: Db, orgId: string, userId: string, instant: Date): Promise<TimeSlot> {
  const startedAt = slotStart(instant);
  const [created] = await db
    .insert(timeSlots)
    .values({ organizationId: orgId, userId, startedAt })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const [existing] = await db
    .select()
    .from(timeSlots)
    .where(and(eq(timeSlots.organizationId, orgId), eq(timeSlots.userId, userId), eq(timeSlots.startedAt, startedAt)));
  return existing!;
}

export interface SlotActivity {
  keyboard: number;
  mouse: number;
  overall: number;
  duration?: number;
}

/** Records a slot's activity; a repeated report for the same slot replaces the figures (idempotent). */
export async function upsertSlot(db: Db, orgId: string, userId: string, instant: Date, a: SlotActivity): Promise<TimeSlot> {
  const startedAt = slotStart(instant);
  const [row] = await db
    .insert(timeSlots)
    .values({ organizationId: orgId, userId, startedAt, duration: a.duration ?? SLOT_SECONDS, keyboard: a.keyboard, mouse: a.mouse, overall: a.overall })
    .onConflictDoUpdate({
      target: [timeSlots.organizationId, timeSlots.userId, timeSlots.startedAt],
      set: { duration: a.duration ?? SLOT_SECONDS, keyboard: a.keyboard, mouse: a.mouse, overall: a.overall, updatedAt: sql`now()` },
    })
    .returning();
  return row!;
}
