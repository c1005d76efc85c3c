import { describe, expect, it } from "vitest";
import { timeZoneOptions } from "./time-zones";

describe("timeZoneOptions", () => {
  it("starts with UTC, holds the user's zone once and is sorted", () => {
    const zones = timeZoneOptions(["Asia/Kolkata", "Asia/Kolkata"]);
    expect(zones[0]).toBe("UTC");
    expect(zones.filter((z) => z === "Asia/Kolkata")).toHaveLength(1);
    expect(zones).toContain("Europe/Berlin");
    const rest = zones.slice(1);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b)));
  });
});
