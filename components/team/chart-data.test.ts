import { describe, expect, it } from "vitest";
import { isEmptyWeek, weeklyBars } from "./chart-data";

const metrics = (productive: number, neutral: number, unproductive: number, idle: number) => ({
  totalTimeSpendSeconds: productive + neutral + unproductive + idle,
  activeTimeSpendSeconds: productive + neutral + unproductive,
  idleTimeSpendSeconds: idle,
  productiveTimeSpendSeconds: productive,
  neutralTimeSpendSeconds: neutral,
  unproductiveTimeSpendSeconds: unproductive,
});

describe("weeklyBars", () => {
  const breakdown = [
    { date: "2026-02-02T00:00:00.000Z", day: "Monday", metrics: metrics(8942, 4490, 0, 2463) },
    { date: "2026-02-03T00:00:00.000Z", day: "Tuesday", metrics: metrics(0, 0, 0, 0) },
  ];

  it("draws one bar per day in hours, keeping the exact seconds", () => {
    const [mon, tue] = weeklyBars(breakdown);
    expect(mon).toMatchObject({ date: "2026-02-02", label: "Mon", productive: 2.48, neutral: 1.25, unproductive: 0, idle: 0.68 });
    expect(mon!.seconds).toEqual({ productive: 8942, neutral: 4490, unproductive: 0, idle: 2463, total: 15895 });
    expect(tue).toMatchObject({ label: "Tue", productive: 0, idle: 0 });
  });

  it("knows an empty week", () => {
    expect(isEmptyWeek(breakdown)).toBe(false);
    expect(isEmptyWeek([breakdown[1]!])).toBe(true);
    expect(isEmptyWeek([])).toBe(true);
  });
});
