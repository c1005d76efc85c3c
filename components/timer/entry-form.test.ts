import { describe, expect, it } from "vitest";
import { apiFieldError, endsNextDay, entryFormToBody, entryFormValues, type EntryFormValues } from "./entry-form";
import type { TimeLogView as TimeLog } from "@/lib/validation/timesheet-responses";

const base: EntryFormValues = { date: "2026-02-02", start: "09:00", end: "10:30", projectId: "p1", taskId: "", description: "  Notes " };

describe("entry form → time-log body", () => {
  it("reads local times in the person's zone", () => {
    const r = entryFormToBody(base, "Europe/Berlin");
    expect(r).toEqual({
      ok: true,
      body: { startedAt: "2026-02-02T08:00:00.000Z", stoppedAt: "2026-02-02T09:30:00.000Z", projectId: "p1", taskId: null, description: "Notes" },
    });
  });

  it("puts an end at or before the start on the next day", () => {
    const r = entryFormToBody({ ...base, start: "22:00", end: "02:00" }, "America/New_York");
    expect(r.ok && r.body).toMatchObject({ startedAt: "2026-02-03T03:00:00.000Z", stoppedAt: "2026-02-03T07:00:00.000Z" });
    expect(endsNextDay("22:00", "02:00")).toBe(true);
    expect(endsNextDay("09:00", "10:00")).toBe(false);
  });

  it("handles the short day of a DST change", () => {
    // Europe/Berlin springs forward at 02:00 on 2026-03-29: 01:00–04:00 local is two hours
    const r = entryFormToBody({ ...base, date: "2026-03-29", start: "01:00", end: "04:00" }, "Europe/Berlin");
    expect(r.ok && Date.parse(r.body.stoppedAt!) - Date.parse(r.body.startedAt)).toBe(2 * 3600 * 1000);
  });

  it("names the field that is wrong", () => {
    expect(entryFormToBody({ ...base, date: "" }, "UTC")).toMatchObject({ ok: false, field: "date" });
    expect(entryFormToBody({ ...base, start: "9" }, "UTC")).toMatchObject({ ok: false, field: "start" });
    expect(entryFormToBody({ ...base, end: "" }, "UTC")).toMatchObject({ ok: false, field: "end" });
    expect(entryFormToBody({ ...base, end: "09:00" }, "UTC")).toMatchObject({ ok: false, field: "end" });
  });

  it("keeps a running log open", () => {
    const r = entryFormToBody({ ...base, end: "" }, "UTC", { running: true });
    expect(r).toEqual({ ok: true, body: { startedAt: "2026-02-02T09:00:00.000Z", projectId: "p1", taskId: null, description: "Notes" } });
  });
});

describe("entry form starting values", () => {
  it("shows an existing log in local times", () => {
    const log = {
      id: "l",
      startedAt: "2026-02-02T23:30:00.000Z",
      stoppedAt: "2026-02-03T01:15:00.000Z",
      duration: 6300,
      logType: "MANUAL",
      source: "WEB_TIMER",
      description: null,
      employeeId: "u",
      projectId: null,
      taskId: "t",
      timesheetId: null,
      organizationId: "o",
      isBillable: true,
      isRunning: false,
      createdAt: "2026-02-03T01:15:00.000Z",
      updatedAt: "2026-02-03T01:15:00.000Z",
    } satisfies TimeLog;
    expect(entryFormValues(log, "Asia/Tokyo", { day: "x", nowMs: 0 })).toEqual({
      date: "2026-02-03",
      start: "08:30",
      end: "10:15",
      projectId: "",
      taskId: "t",
      description: "",
    });
  });

  it("defaults to the last hour (rounded to five minutes) today, 09:00–10:00 on another day", () => {
    const nowMs = Date.parse("2026-02-02T14:47:00Z");
    expect(entryFormValues(null, "UTC", { day: "2026-02-02", nowMs, projectId: "p" })).toMatchObject({ date: "2026-02-02", start: "13:45", end: "14:45", projectId: "p" });
    expect(entryFormValues(null, "UTC", { day: "2026-01-30", nowMs })).toMatchObject({ date: "2026-01-30", start: "09:00", end: "10:00" });
  });
});

describe("server errors on the form", () => {
  it("puts a named field's error under that field, in words", () => {
    const err = Object.assign(new Error("body.stoppedAt: must not be in the future"), { details: { field: "body.stoppedAt" } });
    expect(apiFieldError(err)).toEqual({ field: "end", message: "The end must not be in the future" });
    const task = Object.assign(new Error("body.taskId: the task does not belong to the given project"), { details: { field: "body.taskId" } });
    expect(apiFieldError(task)).toEqual({ field: "taskId", message: "The task does not belong to the given project" });
  });
  it("leaves conflicts and locks to the form's message", () => {
    expect(apiFieldError(Object.assign(new Error("The entry overlaps entry x"), { details: { conflictingEntryId: "x" } }))).toBeNull();
    expect(apiFieldError(null)).toBeNull();
  });
});
