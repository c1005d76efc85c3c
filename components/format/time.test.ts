import { describe, expect, it } from "vitest";
import { clockIn, dayIn, formatDay, formatDuration, formatHm, hoursOf, percent } from "./time";

describe("formatDuration", () => {
  it.each([
    [0, "0m"],
    [45, "45s"],
    [60, "1m"],
    [3599, "59m"],
    [3600, "1h 00m"],
    [25_500, "7h 05m"],
    [-5, "0m"],
  ])("%i s → %s", (s, text) => expect(formatDuration(s)).toBe(text));
});

describe("hoursOf and percent", () => {
  it("rounds hours to two places", () => expect(hoursOf(25_500)).toBe(7.08));
  it("is 0% of nothing", () => expect(percent(5, 0)).toBe("0%"));
  it("rounds a share", () => expect(percent(1, 3)).toBe("33%"));
});

describe("clock times and days in a zone", () => {
  const instant = "2026-02-02T23:30:00.000Z";
  it("reads the wall clock of the zone", () => {
    expect(clockIn(instant, "UTC")).toBe("23:30");
    expect(clockIn(instant, "Asia/Kolkata")).toBe("05:00");
    expect(clockIn("2026-02-02T09:05:59.999Z", "UTC")).toBe("09:05"); // minutes, not rounded seconds
  });
  it("moves the calendar day with the zone", () => {
    expect(dayIn(instant, "UTC")).toBe("2026-02-02");
    expect(dayIn(instant, "Asia/Kolkata")).toBe("2026-02-03");
    expect(dayIn(instant, "America/Los_Angeles")).toBe("2026-02-02");
  });
  it("names a calendar day without a zone shift", () => {
    expect(formatDay("2026-02-02T00:00:00.000Z")).toBe("Mon 2 Feb");
    expect(formatDay("2026-02-08", { year: true })).toBe("Sun 8 Feb 2026");
  });
});

describe("formatHm and long days", () => {
  it("writes grid cells as h:mm, nothing for zero", () => {
    expect(formatHm(0)).toBe("");
    expect(formatHm(90 * 60)).toBe("1:30");
  });
  it("writes a day in full without shifting it", () => {
    expect(formatDay("2026-02-02", { long: true })).toBe("Monday 2 February 2026");
  });
  it("floors a running duration rather than rounding it up", () => expect(formatDuration(59.9)).toBe("59s"));
});
