// Tracking: projects, tasks and the time entries under the three APIs' vocabularies (/v1 tracks,
// /api/timesheet time logs, the timers). Every write of an entry goes through the core in
// ./time-entries; the other files here are views and the APIs' entry points onto it.

export * from "./time-entries";
export * from "./projects";
export * from "./tasks";
export * from "./tracks";
export * from "./task-timer";
export * from "./web-timer";
export * from "./time-logs";
export * from "./entry-views";
export * from "./entry-sources";
