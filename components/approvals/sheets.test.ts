import { describe, expect, it } from "vitest";
import { decidedOrder, entriesByDay, failedSheets, idleShare, queueOrder, type Sheet, type TimeLogLike } from "./sheets";

const sheet = (id: string, over: Partial<Sheet> = {}): Sheet => ({
  id,
  employeeId: `emp-${id}`,
  employeeName: `Person ${id}`,
  weekStart: "2026-02-02",
  weekStartedAt: "2026-02-02T00:00:00.000Z",
  weekEndedAt: "2026-02-09T00:00:00.000Z",
  status: "PENDING",
  duration: 0,
  durationByLogType: { TRACKED: 0, MANUAL: 0, IDLE: 0, RESUMED: 0 },
  ...over,
});

const log = (id: string, startedAt: string, stoppedAt: string | null, logType: TimeLogLike["logType"] = "MANUAL", timesheetId = "s1"): TimeLogLike => ({
  id,
  startedAt,
  stoppedAt,
  duration: stoppedAt ? (Date.parse(stoppedAt) - Date.parse(startedAt)) / 1000 : 0,
  logType,
  description: null,
  projectId: null,
  timesheetId,
});

describe("idleShare", () => {
  it("is idle over total", () => {
    expect(idleShare(sheet("a", { duration: 4000, durationByLogType: { TRACKED: 3000, MANUAL: 0, IDLE: 1000, RESUMED: 0 } }))).toBe(0.25);
  });
  it("is 0 for an empty sheet", () => expect(idleShare(sheet("a"))).toBe(0));
});

describe("entriesByDay", () => {
  const logs = [
    log("late", "2026-02-03T22:30:00Z", "2026-02-04T00:30:00Z"),
    log("idle", "2026-02-02T10:00:00Z", "2026-02-02T10:15:00Z", "IDLE"),
    log("early", "2026-02-02T08:00:00Z", "2026-02-02T10:00:00Z"),
    log("other-week", "2026-02-09T12:00:00Z", "2026-02-09T13:00:00Z", "MANUAL", "s2"),
  ];

  it("groups the sheet's entries by local start day, oldest first, with totals", () => {
    const days = entriesByDay(logs, "UTC", sheet("s1"));
    expect(days.map((d) => [d.day, d.seconds, d.idleSeconds, d.entries.map((e) => e.id)])).toEqual([
      ["2026-02-02", 8100, 900, ["early", "idle"]],
      ["2026-02-03", 7200, 0, ["late"]],
    ]);
    expect(days[1]!.entries[0]).toMatchObject({ from: "22:30", to: "00:30", overnight: true });
  });

  it("moves entries to the day the viewer's zone sees", () => {
    const days = entriesByDay(logs, "Asia/Tokyo", sheet("s1"));
    // 22:30Z on the 3rd is 07:30 on the 4th in Tokyo
    expect(days.map((d) => d.day)).toEqual(["2026-02-02", "2026-02-04"]);
    expect(days[1]!.entries[0]).toMatchObject({ from: "07:30", to: "09:30", overnight: false });
  });

  it("counts the part of an entry inside the sheet's stored week, as the sheet's total does", () => {
    const across = [log("across", "2026-02-08T23:30:00Z", "2026-02-09T00:30:00Z", "MANUAL", "s1")];
    expect(entriesByDay(across, "UTC", sheet("s1")).map((d) => [d.day, d.seconds])).toEqual([["2026-02-08", 1800]]);
    const next = sheet("s2", { weekStartedAt: "2026-02-09T00:00:00.000Z", weekEndedAt: "2026-02-16T00:00:00.000Z" });
    expect(entriesByDay(across, "UTC", next).map((d) => [d.day, d.seconds])).toEqual([["2026-02-08", 1800]]);
  });

  it("marks a running entry", () => {
    const [d] = entriesByDay([log("run", "2026-02-02T08:00:00Z", null)], "UTC");
    expect(d!.entries[0]!.to).toBe("running");
  });
});

describe("failedSheets", () => {
  const known = [sheet("s1", { employeeName: "Ana Pereira" })];
  it("labels the failed sheets the page knows and keeps the server's reason", () => {
    expect(
      failedSheets(
        {
          failedIds: ["s1", "s9"],
          failed: [
            { id: "s1", code: "invalid_transition", message: "Timesheet s1 is APPROVED and cannot be approved" },
            { id: "s9", code: "not_found", message: "Timesheet s9 not found" },
          ],
        },
        known,
      ),
    ).toEqual([
      { id: "s1", label: "Ana Pereira, week of Mon 2 Feb", message: "This timesheet is APPROVED and cannot be approved" },
      { id: "s9", label: "Timesheet s9", message: "Timesheet s9 not found" },
    ]);
  });
  it("reads failedIds alone, and nothing from no details", () => {
    expect(failedSheets({ failedIds: ["s1"] }, known)).toEqual([{ id: "s1", label: "Ana Pereira, week of Mon 2 Feb", message: "" }]);
    expect(failedSheets(undefined, known)).toEqual([]);
  });
});

describe("queueOrder", () => {
  it("puts the oldest week first and leaves out the caller's own sheet", () => {
    const sheets = [
      sheet("b", { weekStart: "2026-02-09", employeeName: "Bo" }),
      sheet("a", { weekStart: "2026-02-02", employeeName: "Zoe" }),
      sheet("c", { weekStart: "2026-02-02", employeeName: "Ana" }),
      sheet("me", { employeeId: "self" }),
    ];
    expect(queueOrder(sheets, "self").map((s) => s.id)).toEqual(["c", "a", "b"]);
  });
});

describe("decidedOrder", () => {
  it("puts the newest decision first", () => {
    const rows = [
      { id: "a", reviewedAt: "2026-02-10T09:00:00Z", weekStart: "2026-02-02" },
      { id: "b", reviewedAt: null, weekStart: "2026-02-09" },
      { id: "c", reviewedAt: "2026-02-11T09:00:00Z", weekStart: "2026-01-26" },
    ];
    expect(decidedOrder(rows).map((r) => r.id)).toEqual(["c", "a", "b"]);
  });
});
