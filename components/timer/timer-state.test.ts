import { describe, expect, it } from "vitest";
import {
  applyRequests,
  clockSkew,
  draftOf,
  elapsedSeconds,
  formatClock,
  isDirty,
  isTimerShortcut,
  startRequests,
  stopRequests,
  switchRequests,
  toggleRequests,
} from "./timer-state";
import type { TimeLogView as TimeLog } from "@/lib/validation/timesheet-responses";

const running: TimeLog = {
  id: "log-1",
  startedAt: "2026-02-02T09:00:00.000Z",
  stoppedAt: null,
  duration: 90,
  logType: "TRACKED",
  source: "WEB_TIMER",
  description: "Design review",
  employeeId: "u1",
  projectId: "p1",
  taskId: null,
  timesheetId: null,
  organizationId: "o1",
  isBillable: true,
  isRunning: true,
  createdAt: "2026-02-02T09:00:00.000Z",
  updatedAt: "2026-02-02T09:00:00.000Z",
};

describe("elapsed time", () => {
  it("counts whole seconds from startedAt", () => {
    expect(elapsedSeconds(running.startedAt, Date.parse("2026-02-02T09:01:05.999Z"))).toBe(65);
  });
  it("never goes below zero when this device's clock is behind", () => {
    expect(elapsedSeconds(running.startedAt, Date.parse("2026-02-02T08:59:00Z"))).toBe(0);
  });
  it("adds the server's clock lead", () => {
    expect(elapsedSeconds(running.startedAt, Date.parse("2026-02-02T09:00:00Z"), 30_000)).toBe(30);
  });
  it("reads the skew off the server's duration, ignoring rounding and latency", () => {
    // the server said 90 s at 09:01:30; the answer arrived at 09:01:30.4 on this device
    expect(clockSkew(running, Date.parse("2026-02-02T09:01:30.400Z"))).toBe(0);
    // this device's clock is 5 minutes behind
    expect(clockSkew(running, Date.parse("2026-02-02T08:56:30Z"))).toBe(300_000);
    // and 1 minute ahead
    expect(clockSkew(running, Date.parse("2026-02-02T09:02:30Z"))).toBe(-60_000);
  });
  it("formats as H:MM:SS", () => {
    expect(formatClock(0)).toBe("0:00:00");
    expect(formatClock(309)).toBe("0:05:09");
    expect(formatClock(12 * 3600)).toBe("12:00:00");
    expect(formatClock(-5)).toBe("0:00:00");
  });
});

describe("what the timer sends", () => {
  const draft = { projectId: "p2", taskId: "t2", description: "  Standup  " };

  it("start sends project, task and trimmed description, and omits empty choices", () => {
    expect(startRequests(draft)).toEqual([
      { method: "POST", path: "/api/timesheet/timer/start", body: { projectId: "p2", taskId: "t2", description: "Standup" } },
    ]);
    expect(startRequests({ projectId: null, taskId: null, description: "   " })[0]!.body).toEqual({});
  });

  it("stop sends an empty body", () => {
    expect(stopRequests()).toEqual([{ method: "POST", path: "/api/timesheet/timer/stop", body: {} }]);
  });

  it("the toggle starts when idle and stops when running", () => {
    expect(toggleRequests(null, draft)[0]!.path).toBe("/api/timesheet/timer/start");
    expect(toggleRequests(running, draft)[0]!.path).toBe("/api/timesheet/timer/stop");
  });

  it("switch stops the running log and starts one with the new fields", () => {
    expect(switchRequests(running, draft).map((r) => r.path)).toEqual(["/api/timesheet/timer/stop", "/api/timesheet/timer/start"]);
    expect(switchRequests(running, draft)[1]!.body).toEqual({ projectId: "p2", taskId: "t2", description: "Standup" });
  });

  it("switch sends nothing when the form matches the running log, and starts when idle", () => {
    expect(switchRequests(running, draftOf(running))).toEqual([]);
    expect(switchRequests(running, { ...draftOf(running), description: "Design review  " })).toEqual([]);
    expect(switchRequests(null, draft)).toEqual(startRequests(draft));
  });

  it("apply rewrites the running log's fields, clearing what was cleared", () => {
    expect(applyRequests(running, { projectId: null, taskId: null, description: " " })).toEqual([
      { method: "PUT", path: "/api/timesheet/time-log/log-1", body: { projectId: null, taskId: null, description: null } },
    ]);
  });

  it("knows when the form differs from the running log", () => {
    expect(isDirty(null, draft)).toBe(false);
    expect(isDirty(running, draftOf(running))).toBe(false);
    expect(isDirty(running, { ...draftOf(running), projectId: "p9" })).toBe(true);
    expect(isDirty(running, { ...draftOf(running), taskId: "t1" })).toBe(true);
    expect(isDirty(running, { ...draftOf(running), description: "Other" })).toBe(true);
    expect(isDirty({ ...running, description: null }, { ...draftOf(running), description: "" })).toBe(false);
  });
});

describe("the keyboard shortcut", () => {
  const on = (tagName: string, extra: object = {}) => ({ tagName, isContentEditable: false, closest: () => null, ...extra });
  it("is s or S on the page", () => {
    expect(isTimerShortcut({ key: "s", target: on("BODY") })).toBe(true);
    expect(isTimerShortcut({ key: "S", target: on("BUTTON") })).toBe(true);
    expect(isTimerShortcut({ key: "s", target: null })).toBe(true);
  });
  it("is ignored while typing, with modifiers, on auto-repeat and in dialogs", () => {
    expect(isTimerShortcut({ key: "s", target: on("INPUT") })).toBe(false);
    expect(isTimerShortcut({ key: "s", target: on("textarea") })).toBe(false);
    expect(isTimerShortcut({ key: "s", target: on("SELECT") })).toBe(false);
    expect(isTimerShortcut({ key: "s", target: on("DIV", { isContentEditable: true }) })).toBe(false);
    expect(isTimerShortcut({ key: "s", ctrlKey: true, target: on("BODY") })).toBe(false);
    expect(isTimerShortcut({ key: "s", metaKey: true, target: on("BODY") })).toBe(false);
    expect(isTimerShortcut({ key: "s", altKey: true, target: on("BODY") })).toBe(false);
    expect(isTimerShortcut({ key: "s", repeat: true, target: on("BODY") })).toBe(false);
    expect(isTimerShortcut({ key: "s", defaultPrevented: true, target: on("BODY") })).toBe(false);
    expect(isTimerShortcut({ key: "s", target: on("BUTTON", { closest: () => ({}) }) })).toBe(false);
    expect(isTimerShortcut({ key: "d", target: on("BODY") })).toBe(false);
  });
});
