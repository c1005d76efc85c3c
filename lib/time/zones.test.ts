import { describe, expect, it } from "vitest";
import { addDaysToDate, dayStart, localDate } from "./zones";

// Days whose midnight does not exist: the clocks jump from 23:59:59 to 01:00 (DST starting at
// midnight, as in Cuba, Lebanon, Chile and Egypt). The day begins at the jump, as PostgreSQL's
// `day::timestamp at time zone tz` (the SQL families' day bounds) also answers.
const GAP_MIDNIGHTS: Array<[string, string, string]> = [
  ["2026-03-08", "America/Havana", "2026-03-08T05:00:00.000Z"],
  ["2026-09-06", "America/Santiago", "2026-09-06T04:00:00.000Z"],
  ["2026-03-29", "Asia/Beirut", "2026-03-28T22:00:00.000Z"],
];

describe("dayStart", () => {
  it.each(GAP_MIDNIGHTS)("%s in %s begins when the clocks jump, not an hour early on the day before", (day, tz, first) => {
    expect(dayStart(day, tz).toISOString()).toBe(first);
    expect(localDate(dayStart(day, tz), tz)).toBe(day);
    expect(localDate(new Date(dayStart(day, tz).getTime() - 1), tz)).toBe(addDaysToDate(day, -1));
  });

  it("is the first instant of the local day on every day of 2026 in zones with and without DST", () => {
    const zones = ["UTC", "Europe/Berlin", "America/Los_Angeles", "America/Havana", "America/Santiago", "Asia/Beirut", "Africa/Cairo", "Australia/Lord_Howe", "Pacific/Kiritimati", "Etc/GMT+12"];
    for (const tz of zones) {
      for (let day = "2026-01-01"; day < "2027-01-01"; day = addDaysToDate(day, 1)) {
        const t = dayStart(day, tz).getTime();
        expect(localDate(new Date(t), tz), `${day} ${tz}`).toBe(day);
        expect(localDate(new Date(t - 1), tz) < day, `${day} ${tz}`).toBe(true);
      }
    }
  });
});
