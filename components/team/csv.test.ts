import { describe, expect, it } from "vitest";
import { breakdownCsv, csvCell, csvFileName, productivityCsv, proofOfWorkCsv, toCsv } from "./csv";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["@cmd", "'@cmd"],
    ["-1+2", "'-1+2"],
    [" padded", '" padded"'],
    [42, "42"],
    [null, ""],
    [undefined, ""],
  ])("%j → %s", (value, cell) => expect(csvCell(value as never)).toBe(cell));
});

describe("toCsv", () => {
  it("joins rows with CRLF and ends with one", () => {
    expect(toCsv([["a", 1], ["b", null]])).toBe("a,1\r\nb,\r\n");
  });
});

const m = { totalTimeSpendSeconds: 100, activeTimeSpendSeconds: 80, idleTimeSpendSeconds: 20, productiveTimeSpendSeconds: 50, neutralTimeSpendSeconds: 20, unproductiveTimeSpendSeconds: 10 };

describe("dashboard tables", () => {
  it("writes the breakdown with a total row", () => {
    const csv = breakdownCsv({
      breakdownSummary: [{ date: "2026-02-02T00:00:00.000Z", day: "Monday", metrics: m }],
      overallSummary: {
        totalTimeSpendSeconds: 100,
        totalActiveTimeSpendSeconds: 80,
        totalIdleTimeSpendSeconds: 20,
        totalProductiveTimeSpendSeconds: 50,
        totalNeutralTimeSpendSeconds: 20,
        totalUnproductiveTimeSpendSeconds: 10,
      },
    });
    expect(csv.split("\r\n")).toEqual([
      "date,day,total_seconds,active_seconds,idle_seconds,productive_seconds,neutral_seconds,unproductive_seconds",
      "2026-02-02,Monday,100,80,20,50,20,10",
      "total,,100,80,20,50,20,10",
      "",
    ]);
  });

  it("writes the productivity analysis per user, quoting names", () => {
    const csv = productivityCsv([
      {
        user: { userId: "u1", name: "Kannan, Abirami", profilePicUrl: null },
        timeSummary: { activeWorkedTimeInSeconds: 80, productiveWorkedTimeInSeconds: 50, neutralWorkedTimeInSeconds: 20, unproductiveWorkedTimeInSeconds: 10 },
      },
    ]);
    expect(csv.split("\r\n")[1]).toBe('u1,"Kannan, Abirami",80,50,20,10');
  });

  it("writes proof of work with clock times in the chosen zone", () => {
    const csv = proofOfWorkCsv(
      [
        {
          user: { userId: "u1", name: "Sakthivel", profilePicUrl: null },
          dailySummary: [{ date: "2026-02-12T00:00:00.000Z", day: "Thursday", inTime: "2026-02-12T04:32:01.676Z", outTime: "2026-02-12T12:53:56.461Z", ...m }],
          overallSummary: {
            totalTimeSpendSeconds: 100,
            totalActiveTimeSpendSeconds: 80,
            totalIdleTimeSpendSeconds: 20,
            totalProductiveTimeSpendSeconds: 50,
            totalNeutralTimeSpendSeconds: 20,
            totalUnproductiveTimeSpendSeconds: 10,
          },
          session: { avgCheckInTime: "10:02:01", avgCheckOutTime: "18:23:56" },
        },
      ],
      "Asia/Kolkata",
    );
    expect(csv.split("\r\n")[1]).toBe("u1,Sakthivel,2026-02-12,Thursday,10:02,18:23,100,80,20,50,20,10,10:02:01,18:23:56,Asia/Kolkata");
  });

  it("names files safely", () => {
    expect(csvFileName("breakdown", "2026-02-02", "Platform / Core")).toBe("platform-core-breakdown-2026-02-02.csv");
    expect(csvFileName("breakdown", "2026-02-02")).toBe("team-breakdown-2026-02-02.csv");
  });
});
