import { describe, expect, it } from "vitest";
import { buildWeekGrid, canSubmit, dayTotal, isLocked, splitByLocalDay } from "./week-grid";

const H = 3600;

describe("splitting entries at local midnight", () => {
  it("keeps an entry within one day whole", () => {
    expect(splitByLocalDay({ startedAt: "2026-02-02T09:00:00Z", stoppedAt: "2026-02-02T10:30:00Z" }, "UTC", 0)).toEqual([
      { day: "2026-02-02", seconds: 1.5 * H },
    ]);
  });

  it("splits at midnight of the person's zone, not UTC", () => {
    // 22:00–02:00 in New York (UTC-5) is 03:00–07:00 UTC, all on one UTC day
    const e = { startedAt: "2026-02-03T03:00:00Z", stoppedAt: "2026-02-03T07:00:00Z" };
    expect(splitByLocalDay(e, "America/New_York", 0)).toEqual([
      { day: "2026-02-02", seconds: 2 * H },
      { day: "2026-02-03", seconds: 2 * H },
    ]);
    expect(splitByLocalDay(e, "UTC", 0)).toEqual([{ day: "2026-02-03", seconds: 4 * H }]);
  });

  it("counts a running entry up to now", () => {
    expect(splitByLocalDay({ startedAt: "2026-02-02T09:00:00Z", stoppedAt: null }, "UTC", Date.parse("2026-02-02T09:00:42.900Z"))).toEqual([
      { day: "2026-02-02", seconds: 42 },
    ]);
  });

  it("slices add up to the whole seconds of the entry, even with milliseconds", () => {
    const e = { startedAt: "2026-02-02T23:59:59.600Z", stoppedAt: "2026-02-03T00:00:01.500Z" };
    const slices = splitByLocalDay(e, "UTC", 0);
    expect(slices.reduce((s, x) => s + x.seconds, 0)).toBe(1);
  });

  it("ignores empty and backwards entries", () => {
    expect(splitByLocalDay({ startedAt: "2026-02-02T09:00:00Z", stoppedAt: "2026-02-02T09:00:00Z" }, "UTC", 0)).toEqual([]);
    expect(splitByLocalDay({ startedAt: "2026-02-02T09:00:00Z", stoppedAt: "2026-02-02T08:00:00Z" }, "UTC", 0)).toEqual([]);
  });

  it("knows a DST day has 23 hours", () => {
    // Berlin, 2026-03-29: a full-day entry from local midnight to local midnight
    const e = { startedAt: "2026-03-28T23:00:00Z", stoppedAt: "2026-03-29T22:00:00Z" };
    expect(splitByLocalDay(e, "Europe/Berlin", 0)).toEqual([{ day: "2026-03-29", seconds: 23 * H }]);
  });
});

describe("a midnight that does not exist", () => {
  it("splits the entry at the jump of the clocks without losing time", () => {
    // 22:00 on 7 March (CST) to 03:00 on 8 March (CDT) in Havana, where 8 March begins at 01:00: four hours
    const slices = splitByLocalDay({ startedAt: "2026-03-08T03:00:00Z", stoppedAt: "2026-03-08T07:00:00Z" }, "America/Havana", 0);
    expect(slices).toEqual([
      { day: "2026-03-07", seconds: 7200 },
      { day: "2026-03-08", seconds: 7200 },
    ]);
  });
});

describe("the week grid", () => {
  const monday = "2026-02-02";
  const entries = [
    { startedAt: "2026-02-02T09:00:00Z", stoppedAt: "2026-02-02T11:00:00Z", projectId: "b" },
    { startedAt: "2026-02-02T13:00:00Z", stoppedAt: "2026-02-02T14:00:00Z", projectId: "a" },
    { startedAt: "2026-02-04T08:00:00Z", stoppedAt: "2026-02-04T08:30:00Z", projectId: null },
    // Sunday 23:00 to Monday 01:00 of the next week: only the Sunday hour counts here
    { startedAt: "2026-02-08T23:00:00Z", stoppedAt: "2026-02-09T01:00:00Z", projectId: "a" },
    // the previous Sunday: outside the week
    { startedAt: "2026-02-01T10:00:00Z", stoppedAt: "2026-02-01T11:00:00Z", projectId: "a" },
  ];
  const grid = buildWeekGrid(entries, { weekStart: monday, timeZone: "UTC", nowMs: 0 });

  it("has the seven days from Monday", () => {
    expect(grid.days).toEqual(["2026-02-02", "2026-02-03", "2026-02-04", "2026-02-05", "2026-02-06", "2026-02-07", "2026-02-08"]);
  });

  it("buckets days × projects with row totals, 'no project' last", () => {
    expect(grid.rows).toEqual([
      { projectId: "a", cells: [H, 0, 0, 0, 0, 0, H], total: 2 * H },
      { projectId: "b", cells: [2 * H, 0, 0, 0, 0, 0, 0], total: 2 * H },
      { projectId: null, cells: [0, 0, 0.5 * H, 0, 0, 0, 0], total: 0.5 * H },
    ]);
  });

  it("has column totals and a week total that agree with the rows", () => {
    expect(grid.dayTotals).toEqual([3 * H, 0, 0.5 * H, 0, 0, 0, H]);
    expect(grid.total).toBe(4.5 * H);
    expect(grid.rows.reduce((s, r) => s + r.total, 0)).toBe(grid.total);
  });

  it("orders rows by the given project order (names)", () => {
    const names: Record<string, string> = { a: "Zeta", b: "Alpha" };
    const g = buildWeekGrid(entries, { weekStart: monday, timeZone: "UTC", nowMs: 0, projectOrder: (id) => names[id]! });
    expect(g.rows.map((r) => r.projectId)).toEqual(["b", "a", null]);
  });

  it("buckets by the person's zone", () => {
    // Monday 09:00 UTC is Monday 18:00 in Tokyo; Sunday 23:00 UTC is Monday 08:00 in Tokyo (next week)
    const g = buildWeekGrid(entries, { weekStart: monday, timeZone: "Asia/Tokyo", nowMs: 0 });
    expect(g.dayTotals[0]).toBe(3 * H);
    expect(g.dayTotals[6]).toBe(0);
    expect(g.total).toBe(3.5 * H);
  });

  it("is empty without entries", () => {
    const g = buildWeekGrid([], { weekStart: monday, timeZone: "UTC", nowMs: 0 });
    expect(g.rows).toEqual([]);
    expect(g.dayTotals).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(g.total).toBe(0);
  });

  it("gives a day's total, with a running entry ticking", () => {
    const today = [...entries, { startedAt: "2026-02-02T15:00:00Z", stoppedAt: null, projectId: "a" }];
    expect(dayTotal(today, "2026-02-02", "UTC", Date.parse("2026-02-02T15:10:00Z"))).toBe(3 * H + 600);
  });
});

describe("sheet status", () => {
  it("locks submitted and approved weeks", () => {
    expect(["DRAFT", "PENDING", "IN_REVIEW", "APPROVED", "DENIED", null].map(isLocked)).toEqual([false, true, true, true, false, false]);
  });

  it("submits drafts and denied weeks that hold time", () => {
    expect(canSubmit("DRAFT", 60)).toBe(true);
    expect(canSubmit("DENIED", 60)).toBe(true);
    expect(canSubmit("DRAFT", 0)).toBe(false);
    expect(canSubmit("PENDING", 60)).toBe(false);
    expect(canSubmit(null, 60)).toBe(false);
  });
});
