import { z } from "zod";
import { description, name, pageParams, unixMs, uuid, withPage } from "./common";

// Requests of the tracking half of the /v1 API (seed 003): projects, tasks, time tracks,
// clock-in and reports. Times are Unix milliseconds, as the seed documents them.

export const externalId = z.string().trim().min(1, "must not be empty").max(200);
const optionalDescription = description.nullable().optional();
const optionalExternalId = externalId.nullable().optional();
const atLeastOne = (o: Record<string, unknown>) => Object.values(o).some((v) => v !== undefined);
const atLeastOneMessage = { message: "send at least one field to change" };

export const listQuery = z.object(pageParams).transform(withPage);

export const projectCreateBody = z.object({ name, description: optionalDescription, externalId: optionalExternalId });
// The seed lists name as required for PUT; a partial update is accepted so a rename does not resend the rest.
export const projectUpdateBody = projectCreateBody.partial().refine(atLeastOne, atLeastOneMessage);

export const taskStatus = z.enum(["open", "closed"], { message: "must be open or closed" });

export const projectTaskCreateBody = z.object({ name, description: optionalDescription, externalId: optionalExternalId });
export const taskCreateBody = projectTaskCreateBody.extend({ projectId: uuid.nullable().optional() });
export const taskUpdateBody = z
  .object({ name: name.optional(), description: optionalDescription, externalId: optionalExternalId, status: taskStatus.optional() })
  .refine(atLeastOne, atLeastOneMessage);
export const taskListQuery = z.object({ ...pageParams, status: taskStatus.optional(), projectId: uuid.optional() }).transform(withPage);
export const moveBody = z.object({ projectId: uuid });

export const clockInNameParams = z.object({ name });
export const clockInExternalParams = z.object({ externalId });

export const trackCreateBody = z.object({
  start: unixMs.describe("Unix timestamp in milliseconds (UTC)"),
  end: unixMs.nullable().optional().describe("Unix timestamp in milliseconds (UTC); without it the track runs"),
});
export const trackUpdateBody = z
  .object({ start: unixMs.optional(), end: unixMs.optional() })
  .refine(atLeastOne, atLeastOneMessage);

export const MAX_USER_REPORT_MS = 7 * 24 * 3600 * 1000;

export const userReportQuery = z
  .object({
    startDate: unixMs.optional().describe("Start of the range (inclusive), Unix ms; default: endDate minus 7 days"),
    endDate: unixMs.optional().describe("End of the range (inclusive), Unix ms; default: startDate plus 7 days, or now"),
  })
  .superRefine((q, ctx) => {
    if (q.startDate === undefined || q.endDate === undefined) return;
    if (q.startDate > q.endDate) ctx.addIssue({ code: "custom", path: ["startDate"], message: "must not be after endDate" });
    else if (q.endDate - q.startDate + 1 > MAX_USER_REPORT_MS) ctx.addIssue({ code: "custom", path: ["endDate"], message: "the range must not exceed 7 days" });
  });
