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

// every column a different number, and the week's total not the one day's, so a swapped column shows
const m = { totalTimeSpendSeconds: 100, activeTimeSpendSeconds: 80, idleTimeSpendSeconds: 20, productiveTimeSpendSeconds: 50, neutralTimeSpendSeconds: 25, unproductiveTimeSpendSeconds: 5 };
const overall = {
  totalTimeSpendSeconds: 1000,
  totalActiveTimeSpendSeconds: 800,
  totalIdleTimeSpendSeconds: 200,
  totalProductiveTimeSpendSeconds: 500,
  totalNeutralTimeSpendSeconds: 250,
  totalUnproductiveTimeSpendSeconds: 50,
};

describe("dashboard tables", () => {
  it("writes the breakdown with a total row", () => {
    const csv = breakdownCsv({
      breakdownSummary: [{ date: "2026-02-02T00:00:00.000Z", day: "Monday", metrics: m }],
      overallSummary: overall,
    });
    expect(csv.split("\r\n")).toEqual([
      "date,day,total_seconds,active_seconds,idle_seconds,productive_seconds,neutral_seconds,unproductive_seconds",
      "2026-02-02,Monday,100,80,20,50,25,5",
      "total,,1000,800,200,500,250,50",
      "",
    ]);
  });

  it("writes the productivity analysis per user, quoting names", () => {
    const csv = productivityCsv([
      {
        user: { userId: "u1", name: "Kannan, Abirami", profilePicUrl: null },
        timeSummary: { activeWorkedTimeInSeconds: 80, productiveWorkedTimeInSeconds: 50, neutralWorkedTimeInSeconds: 25, unproductiveWorkedTimeInSeconds: 5 },
      },
    ]);
    expect(csv.split("\r\n")[1]).toBe('u1,"Kannan, Abirami",80,50,25,5');
  });

  it("writes proof of work with clock times in the chosen zone", () => {
    const csv = proofOfWorkCsv(
      [
        {
          user: { userId: "u1", name: "Sakthivel", profilePicUrl: null },
          dailySummary: [{ date: "2026-02-12T00:00:00.000Z", day: "Thursday", inTime: "2026-02-12T04:32:01.676Z", outTime: "2026-02-12T12:53:56.461Z", ...m }],
          overallSummary: overall,
          session: { avgCheckInTime: "10:02:01", avgCheckOutTime: "18:23:56" },
        },
      ],
      "Asia/Kolkata",
    );
    expect(csv.split("\r\n")[1]).toBe("u1,Sakthivel,2026-02-12,Thursday,10:02,18:23,100,80,20,50,25,5,10:02:01,18:23:56,Asia/Kolkata");
  });

  it("names files safely", () => {
    expect(csvFileName("breakdown", "2026-02-02", "Platform / Core")).toBe("platform-core-breakdown-2026-02-02.csv");
    expect(csvFileName("breakdown", "2026-02-02")).toBe("team-breakdown-2026-02-02.csv");
  });
});
