import { z } from "zod";

// Response shapes of the tracking half of the /v1 API (seed 003), for the OpenAPI document
// and the contract tests. The views in lib/services build exactly these objects.

const isoDate = z.string().describe("ISO 8601 date-time");
const unixMs = z.number().int().describe("Unix time in milliseconds");

export const projectResponse = z.object({
  id: z.string(),
  userId: z.string().describe("The project's creator"),
  name: z.string(),
  description: z.string().nullable(),
  externalId: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const taskResponse = z.object({
  id: z.string(),
  userId: z.string().describe("The task's creator"),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(["open", "closed"]),
  projectId: z.string().nullable(),
  externalId: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

/** Hours, minutes, seconds of a duration and "1h 35m 5s". */
const parts = {
  hours: z.number().int(),
  minutes: z.number().int(),
  seconds: z.number().int(),
  timeFormatted: z.string(),
};

export const trackResponse = z.object({
  id: z.string(),
  taskId: z.string().nullable(),
  userId: z.string(),
  startTime: isoDate,
  endTime: isoDate.nullable().describe("null while the track runs"),
  start: unixMs,
  end: unixMs.nullable(),
  amount: z.number().int().describe("Duration in ms (whole seconds); a running track counts up to now"),
  ...parts,
  createdAt: isoDate,
  updatedAt: isoDate,
});

const total = z.number().int().describe("Total duration in ms");

const taskHead = { ...parts, total, taskId: z.string(), taskName: z.string(), taskDescription: z.string().nullable() };
const projectHead = { ...parts, total, projectId: z.string(), projectName: z.string(), projectDescription: z.string().nullable() };

export const taskTracksReport = z.object({ ...taskHead, tracks: z.array(trackResponse) });

export const taskUsersReport = z.object({
  ...taskHead,
  users: z.array(
    z.object({
      ...parts,
      total,
      userId: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      projectId: z.string().nullable().describe("The task's project"),
      projectName: z.string().nullable(),
    }),
  ),
});

export const projectUsersReport = z.object({
  ...projectHead,
  users: z.array(z.object({ ...parts, total, userId: z.string(), firstName: z.string(), lastName: z.string() })),
});

export const projectTasksReport = z.object({
  ...projectHead,
  tasks: z.array(
    z.object({
      ...parts,
      total,
      taskId: z.string().nullable().describe("null: entries of the project without a task"),
      taskName: z.string().nullable(),
      taskDescription: z.string().nullable(),
    }),
  ),
});

export const userReport = z.object({
  ...parts,
  total,
  userId: z.string(),
  userName: z.string(),
  startDate: unixMs,
  endDate: unixMs,
  projects: z.array(
    z.object({
      ...parts,
      total,
      projectId: z.string().nullable().describe("null: time without a project"),
      projectName: z.string().nullable(),
    }),
  ),
});

// The views: each service's answer is typed by its schema, and client code imports these.
export type ProjectView = z.output<typeof projectResponse>;
export type TaskView = z.output<typeof taskResponse>;
export type TrackView = z.output<typeof trackResponse>;
export type TaskTracksReport = z.output<typeof taskTracksReport>;
export type TaskUsersReport = z.output<typeof taskUsersReport>;
export type ProjectUsersReport = z.output<typeof projectUsersReport>;
export type ProjectTasksReport = z.output<typeof projectTasksReport>;
export type UserReport = z.output<typeof userReport>;
