import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { timeEntries, type TimeEntry } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { readableUserIds, type Caller } from "@/lib/auth/permissions";
import { createEntry, deleteEntry, getEntry, updateEntry } from "./time-entries";
import { taskInOrg } from "./tasks";
import { countWhere, paginate, type Page, type Paged } from "@/lib/services/platform/paging";

// Time tracks of a task (/v1): a track is a time entry with this task. Every rule of an entry
// (end after start, no future end, 24 hours at most, no overlap, the timesheet lock) is the
// time-entry core's; errors name the entry's `startedAt`/`stoppedAt`, which the track routes
// answer as the seed's fields `body.start` and `body.end` (their spec's `fields`).

/** Tracks of the task the caller may read (members: their own; managers: also their teams'; admins: all), oldest first. */
export async function listTracks(db: Db, caller: Caller, taskId: string, page?: Page): Promise<Paged<TimeEntry>> {
  await taskInOrg(db, caller.orgId, taskId);
  const readable = await readableUserIds(db, caller);
  const where = and(eq(timeEntries.organizationId, caller.orgId), eq(timeEntries.taskId, taskId), readable ? inArray(timeEntries.userId, readable) : undefined);
  const query = db.select().from(timeEntries).where(where).orderBy(asc(timeEntries.startedAt), asc(timeEntries.id)).$dynamic();
  return paginate(query, page, countWhere(db, timeEntries, where));
}

export interface TrackInput {
  start: number;
  end?: number | null;
}

/** Records the caller's time on the task; without `end` the track runs from `start`. */
export async function createTrack(db: Db, caller: Caller, taskId: string, input: TrackInput): Promise<TimeEntry> {
  const { entry } = await createEntry(
    db,
    caller,
    { startedAt: new Date(input.start), stoppedAt: input.end == null ? null : new Date(input.end), taskId, logType: "MANUAL" },
  );
  return entry;
}

/** A track of this task the caller may read (`mode` "write": the owner or an admin may change it). */
async function trackOfTask(db: Db, caller: Caller, taskId: string, trackId: string, mode: "read" | "write"): Promise<TimeEntry> {
  await taskInOrg(db, caller.orgId, taskId);
  const entry = await getEntry(db, caller, trackId, mode);
  if (entry.taskId !== taskId) throw notFound("Time track");
  return entry;
}

export async function getTrack(db: Db, caller: Caller, taskId: string, trackId: string): Promise<TimeEntry> {
  return trackOfTask(db, caller, taskId, trackId, "read");
}

export async function updateTrack(db: Db, caller: Caller, taskId: string, trackId: string, input: Partial<TrackInput>): Promise<TimeEntry> {
  await trackOfTask(db, caller, taskId, trackId, "write");
  const { entry } = await updateEntry(
    db,
    caller,
    trackId,
    {
      ...(input.start !== undefined ? { startedAt: new Date(input.start) } : {}),
      ...(input.end !== undefined ? { stoppedAt: input.end === null ? null : new Date(input.end) } : {}),
    },
  );
  return entry;
}

export async function deleteTrack(db: Db, caller: Caller, taskId: string, trackId: string): Promise<void> {
  await trackOfTask(db, caller, taskId, trackId, "write");
  await deleteEntry(db, caller, trackId);
}
