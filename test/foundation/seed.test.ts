import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/sql";
import { seedDemo } from "@/scripts/seed";
import { testDbKind } from "../db";
import { db } from "../helpers";

async function counts() {
  const d = await db();
  const [row] = rowsOf<Record<string, string | number>>(
    await d.execute(sql`select
      (select count(*) from users) as users, (select count(*) from teams) as teams,
      (select count(*) from projects) as projects, (select count(*) from tasks) as tasks,
      (select count(*) from time_entries) as entries, (select count(*) from time_slots) as slots,
      (select count(*) from activities) as activities,
      (select count(distinct status) from timesheets) as statuses,
      (select count(distinct log_type) from time_entries) as log_types,
      (select count(distinct time_zone) from users) as zones`),
  );
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

describe(`demo seed (${testDbKind()})`, () => {
  it("creates a realistic organisation once and changes nothing when run again", async () => {
    const d = await db();
    const first = await seedDemo(d);
    expect(first.created).toBe(true);
    const after = await counts();
    expect(after).toMatchObject({ users: 13, teams: 3, projects: 5, statuses: 5, log_types: 3, zones: 3 });
    expect(after.tasks).toBeGreaterThanOrEqual(10);
    expect(after.entries).toBeGreaterThan(500);
    expect(after.slots).toBeGreaterThan(1000);
    expect(after.activities).toBeGreaterThan(1000);
    const second = await seedDemo(d);
    expect(second.created).toBe(false);
    expect(await counts()).toEqual(after);
  });
});
