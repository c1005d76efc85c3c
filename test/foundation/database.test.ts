import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { timeEntries } from "@/db/schema";
import { rowsOf } from "@/db/sql";
import { isExclusionViolation, isUniqueViolation } from "@/lib/db-errors";
import { testDbKind } from "../db";
import { db, makeOrg } from "../helpers";

const at = (iso: string) => new Date(iso);

describe(`database constraints (${testDbKind()})`, () => {
  it("applies every migration", async () => {
    const d = await db();
    const tables = rowsOf<{ table_name: string }>(
      await d.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`),
    ).map((r) => r.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "organizations", "users", "user_emails", "teams", "team_members", "invitations", "auth_sessions", "api_keys",
        "projects", "tasks", "time_entries", "timesheets", "time_slots", "activities", "screenshots",
        "productivity_rules", "audit_log", "idempotency_keys",
      ]),
    );
    const ext = rowsOf<{ extname: string }>(await d.execute(sql`select extname from pg_extension where extname = 'btree_gist'`));
    expect(ext).toHaveLength(1);
  });

  it("refuses a second running entry for the same user", async () => {
    const d = await db();
    const org = await makeOrg();
    await d.insert(timeEntries).values({ organizationId: org.id, userId: org.member.id, startedAt: at("2026-01-05T09:00:00Z") });
    const second = d.insert(timeEntries).values({ organizationId: org.id, userId: org.member.id, startedAt: at("2020-01-05T09:00:00Z") });
    const err = await second.then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(err, "time_entries_one_running_uq")).toBe(true);
    // another user may run a timer at the same time
    await d.insert(timeEntries).values({ organizationId: org.id, userId: org.admin.id, startedAt: at("2026-01-05T09:00:00Z") });
  });

  it("refuses overlapping entries of one user and allows adjacent ones", async () => {
    const d = await db();
    const org = await makeOrg();
    const base = { organizationId: org.id, userId: org.member.id };
    await d.insert(timeEntries).values({ ...base, startedAt: at("2026-01-05T09:00:00Z"), stoppedAt: at("2026-01-05T10:00:00Z") });
    // adjacent: [10:00, 11:00) touches but does not overlap
    await d.insert(timeEntries).values({ ...base, startedAt: at("2026-01-05T10:00:00Z"), stoppedAt: at("2026-01-05T11:00:00Z") });
    const overlapping = d
      .insert(timeEntries)
      .values({ ...base, startedAt: at("2026-01-05T10:30:00Z"), stoppedAt: at("2026-01-05T12:00:00Z") });
    const err = await overlapping.then(() => null, (e: unknown) => e);
    expect(isExclusionViolation(err, "time_entries_no_overlap")).toBe(true);
    // a running entry extends to infinity, so nothing may start after it
    await d.insert(timeEntries).values({ ...base, startedAt: at("2026-01-05T13:00:00Z") });
    const after = d.insert(timeEntries).values({ ...base, startedAt: at("2026-01-05T15:00:00Z"), stoppedAt: at("2026-01-05T16:00:00Z") });
    expect(isExclusionViolation(await after.then(() => null, (e: unknown) => e))).toBe(true);
    // the same range for another user is fine
    await d.insert(timeEntries).values({ organizationId: org.id, userId: org.admin.id, startedAt: at("2026-01-05T10:30:00Z"), stoppedAt: at("2026-01-05T12:00:00Z") });
  });

  it("refuses an entry that stops before it starts", async () => {
    const d = await db();
    const org = await makeOrg();
    const bad = d.insert(timeEntries).values({
      organizationId: org.id, userId: org.member.id, startedAt: at("2026-01-05T10:00:00Z"), stoppedAt: at("2026-01-05T09:00:00Z"),
    });
    const err = (await bad.then(() => null, (e: unknown) => e)) as { cause?: { code?: string } } | null;
    expect(err).not.toBeNull();
  });

  it("refuses a row whose foreign key points into another organisation", async () => {
    const d = await db();
    const a = await makeOrg();
    const b = await makeOrg();
    // user of org B written under org A: the composite key (organization_id, user_id) has no match
    const cross = d.insert(timeEntries).values({ organizationId: a.id, userId: b.member.id, startedAt: at("2026-01-05T10:00:00Z") });
    expect(await cross.then(() => "inserted", () => "refused")).toBe("refused");
  });
});
