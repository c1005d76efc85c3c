import { z } from "zod";
import { timeZone } from "./common";

// GET/PUT /v1/orgs/{orgId}/settings: the organisation's privacy and overlap settings.
export const MAX_RETENTION_DAYS = 3650;

export const orgSettingsBody = z
  .strictObject({
    overlapPolicy: z.enum(["reject", "trim"], { message: "must be reject or trim" }).optional(),
    screenshotsEnabled: z.boolean({ message: "must be true or false" }).optional(),
    screenshotBlur: z.boolean({ message: "must be true or false" }).optional(),
    screenshotRetentionDays: z
      .number({ message: "must be a whole number of days" })
      .int("must be a whole number of days")
      .min(1, "must be at least 1 day")
      .max(MAX_RETENTION_DAYS, `must be at most ${MAX_RETENTION_DAYS} days`)
      .optional(),
    defaultTimeZone: timeZone.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "must name at least one setting" });
export type OrgSettingsBody = z.infer<typeof orgSettingsBody>;

export const orgSettingsResponse = z.object({
  organizationId: z.uuid(),
  overlapPolicy: z.enum(["reject", "trim"]),
  screenshotsEnabled: z.boolean(),
  screenshotBlur: z.boolean(),
  screenshotRetentionDays: z.number().int(),
  defaultTimeZone: z.string(),
  updatedAt: z.string(),
});
export type OrgSettingsView = z.output<typeof orgSettingsResponse>;
