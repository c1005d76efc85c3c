import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { timeEntries, timesheets, users, type Timesheet } from "@/db/schema";
import { assertUserAccess, isAdmin, type Caller } from "@/lib/auth/permissions";
import { now, nowWholeSecond } from "@/base/clock";
import { AppError, type ErrorCode } from "@/lib/errors";
import { addDaysToDate, mondayOf } from "@/lib/time/zones";
import type { SheetListQuery } from "@/lib/validation/timesheet";
import { audit } from "@/lib/services/platform/audit";
import { entryOverlaps, entrySecondsSql } from "@/lib/services/tracking/time-entries";
import { assertCallerOrg, dayRange, inScope, userScope } from "./scope";
import { inTx } from "@/lib/services/platform/tx";
import type { SheetView } from "@/lib/validation/timesheet-responses";

// Weekly timesheets: their totals (computed in SQL: the part of each of the owner's entries
// inside the sheet's stored week instants, so an entry across a week boundary counts in
// both sheets, split there)
// and the approval state machine of SPEC.md:
//   DRAFT → PENDING (submit, by the owner) → IN_REVIEW (optional) → APPROVED | DENIED,
//   DENIED → PENDING (resubmit), APPROVED → DRAFT (an admin reopens it; audited).
// Every status change of a bulk call happens in one transaction or not at all.

type Status = Timesheet["status"];
export type SheetAction = "submit" | "review" | "approve" | "deny" | "reopen";

const TRANSITIONS: Record<SheetAction, { from: Status[]; to: Status; verb: string; who: "owner" | "reviewer" | "admin" }> = {
  submit: { from: ["DRAFT", "DENIED"], to: "PENDING", verb: "submitted", who: "owner" },
  review: { from: ["PENDING"], to: "IN_REVIEW", verb: "put in review", who: "reviewer" },
  approve: { from: ["PENDING", "IN_REVIEW"], to: "APPROVED", verb: "approved", who: "reviewer" },
  deny: { from: ["PENDING", "IN_REVIEW"], to: "DENIED", verb: "denied", who: "reviewer" },
  reopen: { from: ["APPROVED"], to: "DRAFT", verb: "reopened", who: "admin" },
};

function totalsColumns(at: Date) {
  // whole seconds of each entry inside the sheet's week, a running one up to now
  const secs = entrySecondsSql(at, sql`${timesheets.weekStartedAt}`, sql`${timesheets.weekEndedAt}`);
  const sum = (filter?: SQL) => sql<number>`coalesce(sum(${secs})${filter ? sql` filter (where ${filter})` : sql``}, 0)`.mapWith(Number);
  return {
    logCount: sql<number>`count(${timeEntries.id})`.mapWith(Number),
    duration: sum(),
    billableDuration: sum(sql`${timeEntries.isBillable}`),
    tracked: sum(sql`${timeEntries.logType} = 'TRACKED'`),
    manual: sum(sql`${timeEntries.logType} = 'MANUAL'`),
    idle: sum(sql`${timeEntries.logType} = 'IDLE'`),
    resumed: sum(sql`${timeEntries.logType} = 'RESUMED'`),
  };
}

async function sheetRows(db: Db, where: SQL | undefined, page?: { limit: number; offset: number }) {
  const at = nowWholeSecond();
  const q = db
    .select({
      sheet: timesheets,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      ...totalsColumns(at),
    })
    .from(timesheets)
    .innerJoin(users, and(eq(users.organizationId, timesheets.organizationId), eq(users.id, timesheets.userId)))
    .leftJoin(
      timeEntries,
      and(
        eq(timeEntries.organizationId, timesheets.organizationId),
        eq(timeEntries.userId, timesheets.userId),
        entryOverlaps(sql`${timesheets.weekStartedAt}`, sql`${timesheets.weekEndedAt}`, at),
      ),
    )
    .where(where)
    .groupBy(timesheets.organizationId, timesheets.id, users.organizationId, users.id)
    .orderBy(desc(timesheets.weekStart), asc(users.lastName), asc(users.firstName), asc(timesheets.id));
  return page ? q.limit(page.limit).offset(page.offset) : q;
}

type SheetRow = Awaited<ReturnType<typeof sheetRows>>[number];

function sheetView(r: SheetRow): SheetView {
  const s = r.sheet;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: s.id,
    organizationId: s.organizationId,
    employeeId: s.userId,
    employeeName: `${r.firstName} ${r.lastName}`.trim() || r.email,
    weekStart: s.weekStart,
    weekEnd: addDaysToDate(s.weekStart, 6),
    /** the stored instants of the week: locks and totals use these, whatever the owner's zone is now */
    weekStartedAt: s.weekStartedAt.toISOString(),
    weekEndedAt: s.weekEndedAt.toISOString(),
    status: s.status,
    /** seconds */
    duration: r.duration,
    billableDuration: r.billableDuration,
    durationByLogType: { TRACKED: r.tracked, MANUAL: r.manual, IDLE: r.idle, RESUMED: r.resumed },
    logCount: r.logCount,
    submittedAt: iso(s.submittedAt),
    submittedBy: s.submittedBy,
    reviewedAt: iso(s.reviewedAt),
    reviewedBy: s.reviewedBy,
    reason: s.reason,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
export type { SheetView };

/**
 * The weekly sheets the caller may see whose week (Monday to Sunday) meets the range of
 * calendar days; without dates, all of them. Newest week first.
 */
export async function listSheets(db: Db, caller: Caller, q: SheetListQuery): Promise<{ items: SheetView[]; total: number }> {
  const scope = await userScope(db, caller, q.employeeId);
  const days = q.startDate || q.endDate ? dayRange(q, caller, now()) : null;
  const where = and(
    eq(timesheets.organizationId, caller.orgId),
    inScope(sql`${timesheets.userId}`, scope),
    days ? sql`${timesheets.weekStart} between ${mondayOf(days.firstDay)}::date and ${days.lastDay}::date` : undefined,
    q.status ? eq(timesheets.status, q.status) : undefined,
  );
  const rows = await sheetRows(db, where, { limit: q.limit, offset: (q.page - 1) * q.limit });
  const [total] = await db.select({ n: count() }).from(timesheets).where(where);
  return { items: rows.map(sheetView), total: Number(total?.n ?? 0) };
}

export interface SheetFailure {
  id: string;
  code: ErrorCode;
  status?: Status;
  message: string;
}

/** One error for a refused bulk call: the most basic failure sets the code; every failing id is named. */
function bulkError(action: SheetAction, failures: SheetFailure[]): AppError {
  const code: ErrorCode = failures.some((f) => f.code === "not_found")
    ? "not_found"
    : failures.some((f) => f.code === "forbidden")
      ? "forbidden"
      : "invalid_transition";
  const message = `${failures.map((f) => f.message).join("; ")}. No timesheet was ${TRANSITIONS[action].verb}.`;
  return new AppError(code, message, { failedIds: failures.map((f) => f.id), failed: failures });
}

async function accessFailure(
  db: Db,
  caller: Caller,
  sheet: Timesheet,
  who: "owner" | "reviewer" | "admin",
  reviewable: Map<string, boolean>,
): Promise<string | null> {
  if (who === "owner") return sheet.userId === caller.userId ? null : `Timesheet ${sheet.id} belongs to someone else; only its owner submits it`;
  if (who === "admin" && !isAdmin(caller)) return `Only an admin may reopen timesheet ${sheet.id}`;
  if (sheet.userId === caller.userId) return `Timesheet ${sheet.id} is your own; nobody reviews, approves, denies or reopens their own timesheet`;
  let ok = reviewable.get(sheet.userId);
  if (ok === undefined) {
    ok = await assertUserAccess(db, caller, sheet.userId, "approve").then(
      () => true,
      (err: unknown) => {
        if (err instanceof AppError && (err.code === "forbidden" || err.code === "not_found")) return false;
        throw err;
      },
    );
    reviewable.set(sheet.userId, ok);
  }
  return ok ? null : `You may not review timesheet ${sheet.id}: its owner is not in a team you manage`;
}

/**
 * Moves every sheet of `ids` along the state machine, or none: the sheets are locked
 * (SELECT … FOR UPDATE) and checked together, so concurrent calls on one sheet change it
 * once; the rest see its new status and fail with invalid_transition.
 */
export async function transitionSheets(
  db: Db,
  caller: Caller,
  action: SheetAction,
  input: { ids: string[]; organizationId?: string; reason?: string },
): Promise<{ items: SheetView[]; total: number }> {
  assertCallerOrg(caller, input.organizationId);
  const rule = TRANSITIONS[action];
  const ids = [...new Set(input.ids)];
  return inTx(db, async (tx) => {
    const locked = await tx
      .select()
      .from(timesheets)
      .where(and(eq(timesheets.organizationId, caller.orgId), inArray(timesheets.id, ids)))
      .orderBy(asc(timesheets.id))
      .for("update");
    const byId = new Map(locked.map((s) => [s.id, s]));
    // a running timer that started before a sheet's week ended may still run into it
    const running = new Set(
      action === "submit"
        ? (
            await tx
              .selectDistinct({ id: timesheets.id })
              .from(timesheets)
              .innerJoin(
                timeEntries,
                and(
                  eq(timeEntries.organizationId, timesheets.organizationId),
                  eq(timeEntries.userId, timesheets.userId),
                  isNull(timeEntries.stoppedAt),
                  sql`${timeEntries.startedAt} < ${timesheets.weekEndedAt}`,
                ),
              )
              .where(and(eq(timesheets.organizationId, caller.orgId), inArray(timesheets.id, ids)))
          ).map((r) => r.id)
        : [],
    );
    const failures: SheetFailure[] = [];
    const reviewable = new Map<string, boolean>();
    for (const id of ids) {
      const sheet = byId.get(id);
      if (!sheet) {
        failures.push({ id, code: "not_found", message: `Timesheet ${id} not found` });
        continue;
      }
      const denied = await accessFailure(tx, caller, sheet, rule.who, reviewable);
      if (denied) {
        failures.push({ id, code: "forbidden", status: sheet.status, message: denied });
      } else if (!rule.from.includes(sheet.status)) {
        failures.push({ id, code: "invalid_transition", status: sheet.status, message: `Timesheet ${id} is ${sheet.status} and cannot be ${rule.verb}` });
      } else if (running.has(id)) {
        failures.push({ id, code: "invalid_transition", status: sheet.status, message: `Timesheet ${id} has a running timer; stop it before submitting` });
      }
    }
    if (failures.length > 0) throw bulkError(action, failures);

    const at = now();
    for (const sheet of locked) {
      const [changed] = await tx
        .update(timesheets)
        .set({ status: rule.to, updatedAt: at, ...fieldsFor(action, caller, at, input.reason) })
        // conditional on the status just checked: a change can never be applied twice
        .where(and(eq(timesheets.organizationId, caller.orgId), eq(timesheets.id, sheet.id), eq(timesheets.status, sheet.status)))
        .returning({ id: timesheets.id });
      if (!changed) throw new AppError("invalid_transition", `Timesheet ${sheet.id} changed while being ${rule.verb}; try again`);
      await audit(tx, caller, `timesheet.${rule.verb.replace(/ /g, "_")}`, { type: "timesheet", id: sheet.id }, {
        from: sheet.status,
        to: rule.to,
        employeeId: sheet.userId,
        weekStart: sheet.weekStart,
        ...(input.reason ? { reason: input.reason } : {}),
      });
    }
    const rows = await sheetRows(tx, and(eq(timesheets.organizationId, caller.orgId), inArray(timesheets.id, ids)));
    return { items: rows.map(sheetView), total: rows.length };
  });
}

function fieldsFor(action: SheetAction, caller: Caller, at: Date, reason: string | undefined): Partial<Timesheet> {
  switch (action) {
    case "submit":
      return { submittedAt: at, submittedBy: caller.userId, reviewedAt: null, reviewedBy: null, reason: null };
    case "review":
      return { reviewedBy: caller.userId };
    case "approve":
      return { reviewedAt: at, reviewedBy: caller.userId, reason: null };
    case "deny":
      return { reviewedAt: at, reviewedBy: caller.userId, reason: reason ?? null };
    case "reopen":
      // back to the owner as a draft; the reason and the history stay in the audit log
      return { submittedAt: null, submittedBy: null, reviewedAt: null, reviewedBy: null, reason: null };
  }
}
