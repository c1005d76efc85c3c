import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { timeSlots, type TimeSlot } from "@/db/schema";
import type { Caller } from "@/lib/auth/permissions";
import { now } from "@/base/clock";
import { invalidField } from "@/lib/errors";
import type { SlotListQuery, TimeSlotBody } from "@/lib/validation/timesheet";
import { isInFuture } from "@/lib/time";
import { upsertSlot } from "./slot-store";
import { assertCallerOrg, inScope, instantRange, userScope } from "@/lib/services/timesheets/scope";
import type { SlotView } from "@/lib/validation/timesheet-responses";

// /api/timesheet/time-slot: the 10-minute keyboard/mouse/overall activity figures of
// desktop agents, written through the slot store shared with screenshots (time-slots.ts).

export function slotView(s: TimeSlot): SlotView {
  return {
    id: s.id,
    organizationId: s.organizationId,
    employeeId: s.userId,
    startedAt: s.startedAt.toISOString(),
    duration: s.duration,
    keyboard: s.keyboard,
    mouse: s.mouse,
    overall: s.overall,
    /** overall activity in percent of the slot */
    activity: s.duration > 0 ? Math.round((s.overall * 100) / s.duration) : 0,
  };
}
export type { SlotView };

/** Records the caller's slot holding `startedAt` (aligned down to 10 minutes); a repeat replaces its figures. */
export async function recordSlot(db: Db, caller: Caller, body: TimeSlotBody): Promise<SlotView> {
  assertCallerOrg(caller, body.organizationId);
  if (isInFuture(body.startedAt, now())) throw invalidField("startedAt", "must not be in the future");
  const slot = await upsertSlot(db, caller.orgId, caller.userId, body.startedAt, {
    duration: body.duration,
    keyboard: body.keyboard,
    mouse: body.mouse,
    overall: body.overall,
  });
  return slotView(slot);
}

export async function listSlots(db: Db, caller: Caller, q: SlotListQuery): Promise<{ items: SlotView[]; total: number }> {
  const scope = await userScope(db, caller, q.employeeId);
  const { from, to } = instantRange(q, caller);
  const where = and(
    eq(timeSlots.organizationId, caller.orgId),
    inScope(sql`${timeSlots.userId}`, scope),
    from ? sql`${timeSlots.startedAt} + make_interval(secs => ${timeSlots.duration}) > ${from.toISOString()}::timestamptz` : undefined,
    to ? sql`${timeSlots.startedAt} < ${to.toISOString()}::timestamptz` : undefined,
  );
  const rows = await db.select().from(timeSlots).where(where).orderBy(desc(timeSlots.startedAt), desc(timeSlots.id)).limit(q.limit).offset((q.page - 1) * q.limit);
  const [total] = await db.select({ n: count() }).from(timeSlots).where(where);
  return { items: rows.map(slotView), total: Number(total?.n ?? 0) };
}
