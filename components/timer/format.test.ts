import { describe, expect, it } from "vitest";
import { formatDay, formatDuration, formatHm, formatTime } from "./format";

describe("formatting", () => {
  it("writes durations", () => {
    expect(formatDuration(0)).toBe("0m");
    expect(formatDuration(45)).toBe("45s");
    expect(formatDuration(7 * 3600 + 5 * 60 + 59)).toBe("7h 05m");
    expect(formatHm(0)).toBe("");
    expect(formatHm(90 * 60)).toBe("1:30");
  });
  it("writes clock times in the given zone", () => {
    expect(formatTime("2026-02-02T08:05:00Z", "Europe/Berlin")).toBe("09:05");
    expect(formatTime("2026-02-02T08:05:00Z", "America/Los_Angeles")).toBe("00:05");
  });
  it("writes calendar days without shifting them", () => {
    expect(formatDay("2026-02-02")).toBe("Mon 2 Feb");
    expect(formatDay("2026-02-02", "long")).toBe("Monday 2 February 2026");
  });
});
