import { describe, expect, it } from "vitest";
import { shiftWeek, weekDays, weekLabel, weekParam, weekRange } from "./week";

describe("week picker", () => {
  it("snaps any day to its Monday", () => {
    expect(weekParam("2026-02-08", "2026-03-01")).toBe("2026-02-02"); // a Sunday
    expect(weekParam("2026-02-02", "2026-03-01")).toBe("2026-02-02");
    expect(weekParam(["2026-02-08"], "2026-03-01")).toBe("2026-02-02"); // a repeated ?week=
  });
  it("falls back to the current week for a missing or impossible value", () => {
    expect(weekParam(undefined, "2026-02-05")).toBe("2026-02-02");
    expect(weekParam("2026-02-30", "2026-02-05")).toBe("2026-02-02");
    expect(weekParam("next week", "2026-02-05")).toBe("2026-02-02");
  });
  it("moves by whole weeks across months and years", () => {
    expect(shiftWeek("2026-02-02", -1)).toBe("2026-01-26");
    expect(shiftWeek("2025-12-29", 1)).toBe("2026-01-05");
  });
  it("lists Monday to Sunday", () => {
    expect(weekDays("2026-02-02")).toEqual(["2026-02-02", "2026-02-03", "2026-02-04", "2026-02-05", "2026-02-06", "2026-02-07", "2026-02-08"]);
    expect(weekDays("2025-12-29")[6]).toBe("2026-01-04");
  });
  it("gives the dashboards' wall-clock range", () => {
    expect(weekRange("2026-02-02")).toEqual({ startDate: "2026-02-02 00:00:00", endDate: "2026-02-08 23:59:59" });
  });
  it("labels the week", () => {
    expect(weekLabel("2026-02-02")).toBe("2 – 8 Feb 2026");
    expect(weekLabel("2026-01-26")).toBe("26 Jan – 1 Feb 2026");
    expect(weekLabel("2025-12-29")).toBe("29 Dec 2025 – 4 Jan 2026");
  });
});
