// The time-entry core's public API. The core is the only writer of `time_entries` (an ESLint
// rule in eslint.config.mjs refuses an insert/update/delete of the table anywhere else): /v1
// time tracks, /api/timesheet time logs, the timers and task moves/deletions all come through
// here, so overlaps, locks, limits, timesheets and the agent-entry audit agree everywhere.

export {
  MAX_ENTRY_SECONDS,
  FUTURE_SKEW_MS,
  type LogType,
  type LogSource,
  type EntryFields,
  type EntryPatch,
  type EntryChange,
  type WriteResult,
  type StartInput,
  type StartResult,
  // reads
  getEntry,
  runningEntry,
  overlappingEntries,
  resolveProjectTask,
  // writes (each takes the owner's user lock and applies the sheet lock rule)
  createEntry,
  updateEntry,
  deleteEntry,
  startTimer,
  stopTimer,
  reassignTaskEntries,
  deleteTaskEntries,
} from "./core";
export { durationSeconds, entrySecondsSql, sumEntrySeconds, entryOverlaps } from "./measure";
