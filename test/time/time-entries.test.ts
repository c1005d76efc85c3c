import { describe, expect, it, afterEach } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { organizations, projects, tasks, timeEntries, timesheets } from "@/db/schema";
import { authenticateAccessToken } from "@/lib/services/accounts";
import { createEntry, deleteEntry, startTimer, stopTimer, updateEntry } from "@/lib/services/tracking";
import { AppError } from "@/lib/errors";
import { setClock } from "@/base/clock";
import { testDbKind } from "../db";
import { db, makeOrg } from "../helpers";

const caller = async (token: string) => (await authenticateAccessToken(await db(), token))!;
const iso = (s: string) => new Date(s);
const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

afterEach(() => setClock(null));

describe(`time entry core (${testDbKind()})`, () => {
  it("creates an entry, files it in the user's week sheet and refuses an overlap naming the collision", async () => {
    const org = await makeOrg();
    const c = await caller(org.member.token);
    const d = await db();
    const { entry } = await createEntry(d, c, { startedAt: iso("2026-03-02T09:00:00Z"), stoppedAt: iso("2026-03-02T10:00:00Z") });
    const [sheet] = await d.select().from(timesheets).where(eq(timesheets.id, entry.timesheetId!));
    expect(sheet!.weekStart).toBe("2026-03-02");
    const err = await createEntry(d, c, { startedAt: iso("2026-03-02T09:30:00Z"), stoppedAt: iso("2026-03-02T11:00:00Z") }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("time_entry_overlap");
    expect(err.details.conflictingEntryId).toBe(entry.id);
  });

  it.each([
    [{ startedAt: "2026-03-02T10:00:00Z", stoppedAt: "2026-03-02T09:00:00Z" }, "body.stoppedAt: must be after startedAt"],
    [{ startedAt: "2026-03-02T00:00:00Z", stoppedAt: "2026-03-03T00:00:01Z" }, "body.stoppedAt: an entry may last at most 24 hours"],
    [{ startedAt: "2099-03-02T00:00:00Z", stoppedAt: "2099-03-02T01:00:00Z" }, "body.startedAt: must not be in the future"],
  ])("refuses bad times %#", async (times, message) => {
    const org = await makeOrg();
    const c = await caller(org.member.token);
    const err = await createEntry(await db(), c, { startedAt: iso(times.startedAt), stoppedAt: iso(times.stoppedAt) }).catch((e) => e);
    expect(err.code).toBe("validation_failed");
    expect(err.message).toBe(message);
  });

  it("checks project and task belong to the organisation and to each other", async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    const d = await db();
    const c = await caller(a.member.token);
    const [pb] = await d.insert(projects).values({ organizationId: b.id, userId: b.admin.id, name: "B" }).returning();
    const [pa] = await d.insert(projects).values({ organizationId: a.id, userId: a.admin.id, name: "A" }).returning();
    const [pa2] = await d.insert(projects).values({ organizationId: a.id, userId: a.admin.id, name: "A2" }).returning();
    const [ta] = await d.insert(tasks).values({ organizationId: a.id, userId: a.admin.id, name: "t", projectId: pa!.id }).returning();
    const times = { startedAt: iso("2026-03-02T09:00:00Z"), stoppedAt: iso("2026-03-02T10:00:00Z") };
    expect(await codeOf(createEntry(d, c, { ...times, projectId: pb!.id }))).toBe("not_found");
    expect(await codeOf(createEntry(d, c, { ...times, projectId: pa2!.id, taskId: ta!.id }))).toBe("validation_failed");
    const { entry } = await createEntry(d, c, { ...times, taskId: ta!.id });
    expect(entry.projectId).toBe(pa!.id);
  });

  it("locks entries of a submitted week for their owner but not for an admin", async () => {
    const org = await makeOrg();
    const d = await db();
    const member = await caller(org.member.token);
    const admin = await caller(org.admin.token);
    const { entry } = await createEntry(d, member, { startedAt: iso("2026-03-03T09:00:00Z"), stoppedAt: iso("2026-03-03T10:00:00Z") });
    await d.update(timesheets).set({ status: "PENDING" }).where(eq(timesheets.id, entry.timesheetId!));
    expect(await codeOf(updateEntry(d, member, entry.id, { description: "x" }))).toBe("timesheet_locked");
    expect(await codeOf(deleteEntry(d, member, entry.id))).toBe("timesheet_locked");
    expect(await codeOf(createEntry(d, member, { startedAt: iso("2026-03-04T09:00:00Z"), stoppedAt: iso("2026-03-04T10:00:00Z") }))).toBe("timesheet_locked");
    expect(await codeOf(updateEntry(d, admin, entry.id, { description: "fixed by admin" }))).toBe("ok");
  });

  it("lets a member touch only their own entries (403), and hides other organisations' (404)", async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    const d = await db();
    const { entry } = await createEntry(d, await caller(a.member.token), { startedAt: iso("2026-03-03T09:00:00Z"), stoppedAt: iso("2026-03-03T10:00:00Z") });
    expect(await codeOf(updateEntry(d, await caller(a.outsider.token), entry.id, { description: "x" }))).toBe("forbidden");
    expect(await codeOf(updateEntry(d, await caller(a.manager.token), entry.id, { description: "x" }))).toBe("forbidden");
    expect(await codeOf(deleteEntry(d, await caller(b.admin.token), entry.id))).toBe("not_found");
    expect(await codeOf(createEntry(d, await caller(a.outsider.token), { userId: a.member.id, startedAt: iso("2026-03-04T09:00:00Z"), stoppedAt: iso("2026-03-04T10:00:00Z") }))).toBe("forbidden");
  });

  it("trims older entries when the organisation chose the trim policy", async () => {
    const org = await makeOrg();
    const d = await db();
    await d.update(organizations).set({ overlapPolicy: "trim" }).where(eq(organizations.id, org.id));
    const c = await caller(org.member.token);
    const first = await createEntry(d, c, { startedAt: iso("2026-03-02T09:00:00Z"), stoppedAt: iso("2026-03-02T11:00:00Z") });
    const inside = await createEntry(d, c, { startedAt: iso("2026-03-02T12:00:00Z"), stoppedAt: iso("2026-03-02T12:30:00Z") });
    const { changed } = await createEntry(d, c, { startedAt: iso("2026-03-02T10:00:00Z"), stoppedAt: iso("2026-03-02T13:00:00Z") });
    expect(changed).toEqual([
      { id: first.entry.id, action: "trimmed", startedAt: "2026-03-02T09:00:00.000Z", stoppedAt: "2026-03-02T10:00:00.000Z" },
      { id: inside.entry.id, action: "deleted", startedAt: "2026-03-02T12:00:00.000Z", stoppedAt: "2026-03-02T12:30:00.000Z" },
    ]);
  });

  it("starts, switches and stops the timer; concurrent starts leave exactly one running entry", async () => {
    const org = await makeOrg();
    const d = await db();
    const c = await caller(org.member.token);
    setClock(() => iso("2026-03-05T09:00:00Z"));
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => startTimer(d, c, { whenRunning: "refuse" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("timer_already_running");
    setClock(() => iso("2026-03-05T10:00:00Z"));
    const { entry, stopped } = await startTimer(d, c, { whenRunning: "switch", description: "next" });
    expect(stopped!.stoppedAt!.toISOString()).toBe("2026-03-05T10:00:00.000Z");
    expect(entry.startedAt.toISOString()).toBe("2026-03-05T10:00:00.000Z");
    const running = await d.select().from(timeEntries).where(and(eq(timeEntries.organizationId, org.id), isNull(timeEntries.stoppedAt)));
    expect(running).toHaveLength(1);
    setClock(() => iso("2026-03-05T10:30:00Z"));
    const done = await stopTimer(d, c);
    expect(done.stoppedAt!.toISOString()).toBe("2026-03-05T10:30:00.000Z");
    expect(await codeOf(stopTimer(d, c))).toBe("timer_not_running");
  });
});
