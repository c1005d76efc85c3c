import type { ScreenshotView } from "@/lib/validation/screenshots";
import type { SlotView } from "@/lib/validation/timesheet-responses";

// The gallery's layout: a day's screenshots grouped by hour, each hour in six 10-minute
// slots, in the viewer's time zone. Hours and slots are keyed by the instant they start,
// so the repeated hour of a DST change stays two hours, and zones with half-hour offsets
// (Asia/Kolkata) still split at their own local :00 and :10.

export type Shot = ScreenshotView;

/** What the gallery reads of a slot (activity: overall activity in percent). */
export type SlotActivity = Pick<SlotView, "id" | "startedAt" | "activity">;

export interface GalleryShot extends Shot {
  /** local "HH:mm" */
  clock: string;
  activity: number | null;
}

export interface SlotCell {
  /** local "HH:mm" of the slot's start */
  start: string;
  startMs: number;
  activity: number | null;
  shots: GalleryShot[];
}

export interface HourGroup {
  startMs: number;
  /** "09:00" */
  label: string;
  slots: SlotCell[];
  count: number;
}

const SLOT_MS = 600_000;


function localParts(ms: number, timeZone: string) {
  const f = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(ms))) out[p.type] = p.value;
  return { hour: out.hour!, minute: Number(out.minute), second: Number(out.second) };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The instant the local hour holding `ms` started. */
export function hourStart(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  return ms - (p.minute * 60 + p.second) * 1000 - (ms % 1000);
}

/** The instant the local 10-minute slot holding `ms` started. */
export function slotStart(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  return ms - ((p.minute % 10) * 60 + p.second) * 1000 - (ms % 1000);
}

function clock(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${p.hour}:${pad(p.minute)}`;
}

/** Groups screenshots by local hour (oldest first), each hour with its six slots (empty ones too). */
export function groupByHour(shots: Shot[], slots: SlotActivity[], timeZone: string): HourGroup[] {
  const slotById = new Map(slots.map((s) => [s.id, s]));
  const slotByStart = new Map(slots.map((s) => [slotStart(Date.parse(s.startedAt), timeZone), s]));
  const hours = new Map<number, HourGroup>();
  const sorted = [...shots].sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt) || a.id.localeCompare(b.id));
  for (const shot of sorted) {
    const ms = Date.parse(shot.recordedAt);
    const sStart = slotStart(ms, timeZone);
    const slot = (shot.timeSlotId && slotById.get(shot.timeSlotId)) || slotByStart.get(sStart);
    const hStart = hourStart(ms, timeZone);
    let hour = hours.get(hStart);
    if (!hour) {
      hour = {
        startMs: hStart,
        label: clock(hStart, timeZone),
        count: 0,
        slots: Array.from({ length: 6 }, (_, i) => {
          const startMs = hStart + i * SLOT_MS;
          return { start: clock(startMs, timeZone), startMs, activity: slotByStart.get(startMs)?.activity ?? null, shots: [] };
        }),
      };
      hours.set(hStart, hour);
    }
    const cell = hour.slots[Math.min(5, Math.floor((sStart - hStart) / SLOT_MS))]!;
    if (cell.activity === null && slot) cell.activity = slot.activity;
    cell.shots.push({ ...shot, clock: clock(ms, timeZone), activity: slot?.activity ?? null });
    hour.count += 1;
  }
  return [...hours.values()].sort((a, b) => a.startMs - b.startMs);
}

/** Every screenshot of the groups in time order: what next/previous walk through. */
export function viewerOrder(groups: HourGroup[]): GalleryShot[] {
  return groups.flatMap((h) => h.slots.flatMap((s) => s.shots));
}

/** The id one step from `id` (-1 previous, +1 next), or null at either end. */
export function neighbour(order: Array<{ id: string }>, id: string, step: -1 | 1): string | null {
  const i = order.findIndex((s) => s.id === id);
  if (i < 0) return null;
  return order[i + step]?.id ?? null;
}

/** An authorised image URL as a same-origin path (the API answers absolute URLs). */
export function samePath(url: string): string {
  try {
    const u = new URL(url, "http://local");
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}


