import { describe, expect, it } from "vitest";
import { groupByHour, hourStart, neighbour, samePath, slotStart, viewerOrder, type Shot } from "./slots";

const shot = (id: string, recordedAt: string, timeSlotId: string | null = null): Shot => ({
  id,
  recordedAt,
  timeSlotId,
  employeeId: "u1",
  file: `http://app.test/api/timesheet/screenshot/${id}/file`,
  thumb: `http://app.test/api/timesheet/screenshot/${id}/thumb`,
});

describe("slot and hour starts", () => {
  it("floors to local 10 minutes and hours", () => {
    const ms = Date.parse("2026-02-02T09:17:42.500Z");
    expect(new Date(slotStart(ms, "UTC")).toISOString()).toBe("2026-02-02T09:10:00.000Z");
    expect(new Date(hourStart(ms, "UTC")).toISOString()).toBe("2026-02-02T09:00:00.000Z");
  });
  it("follows a half-hour offset", () => {
    // 09:17:42Z is 14:47:42 in Kolkata: the local hour began at 08:30Z
    const ms = Date.parse("2026-02-02T09:17:42Z");
    expect(new Date(hourStart(ms, "Asia/Kolkata")).toISOString()).toBe("2026-02-02T08:30:00.000Z");
    expect(new Date(slotStart(ms, "Asia/Kolkata")).toISOString()).toBe("2026-02-02T09:10:00.000Z");
  });
});

describe("groupByHour", () => {
  const shots = [shot("c", "2026-02-02T10:05:00Z"), shot("a", "2026-02-02T09:12:00Z", "slot-1"), shot("b", "2026-02-02T09:14:30Z")];
  const slots = [
    { id: "slot-1", startedAt: "2026-02-02T09:10:00.000Z", activity: 72 },
    { id: "slot-2", startedAt: "2026-02-02T09:40:00.000Z", activity: 15 },
  ];

  it("puts screenshots into their hour and slot, oldest first, with empty slots kept", () => {
    const groups = groupByHour(shots, slots, "UTC");
    expect(groups.map((g) => [g.label, g.count])).toEqual([
      ["09:00", 2],
      ["10:00", 1],
    ]);
    const nine = groups[0]!;
    expect(nine.slots.map((s) => s.start)).toEqual(["09:00", "09:10", "09:20", "09:30", "09:40", "09:50"]);
    expect(nine.slots[1]!.shots.map((s) => [s.id, s.clock, s.activity])).toEqual([
      ["a", "09:12", 72],
      ["b", "09:14", 72], // no slot id: matched by the slot's start
    ]);
    expect(nine.slots[4]).toMatchObject({ activity: 15, shots: [] });
    expect(groups[1]!.slots[0]!.shots[0]).toMatchObject({ id: "c", activity: null });
  });

  it("shows local clock times of the zone", () => {
    const [g] = groupByHour([shot("a", "2026-02-02T09:12:00Z")], [], "Asia/Kolkata");
    expect(g!.label).toBe("14:00");
    expect(g!.slots[4]!.shots[0]!.clock).toBe("14:42");
  });

  it("keeps the repeated hour of a DST change as two hours", () => {
    // Europe/Berlin, 26 Oct 2025: 02:00–03:00 happens twice (00:xxZ at +2, 01:xxZ at +1)
    const groups = groupByHour([shot("first", "2025-10-26T00:30:00Z"), shot("second", "2025-10-26T01:30:00Z")], [], "Europe/Berlin");
    expect(groups.map((g) => g.label)).toEqual(["02:00", "02:00"]);
    expect(groups.map((g) => g.count)).toEqual([1, 1]);
  });

  it("is empty without screenshots", () => {
    expect(groupByHour([], slots, "UTC")).toEqual([]);
  });
});

describe("viewer order", () => {
  const order = viewerOrder(groupByHour([shot("c", "2026-02-02T10:05:00Z"), shot("a", "2026-02-02T09:12:00Z"), shot("b", "2026-02-02T09:14:30Z")], [], "UTC"));
  it("walks in time order", () => expect(order.map((s) => s.id)).toEqual(["a", "b", "c"]));
  it("stops at both ends", () => {
    expect(neighbour(order, "a", -1)).toBeNull();
    expect(neighbour(order, "a", 1)).toBe("b");
    expect(neighbour(order, "c", 1)).toBeNull();
    expect(neighbour(order, "missing", 1)).toBeNull();
  });
});

describe("samePath", () => {
  it("keeps only the path of an absolute URL", () => {
    expect(samePath("http://127.0.0.1:3000/api/timesheet/screenshot/x/thumb")).toBe("/api/timesheet/screenshot/x/thumb");
    expect(samePath("/api/timesheet/screenshot/x/file?v=1")).toBe("/api/timesheet/screenshot/x/file?v=1");
  });
});
