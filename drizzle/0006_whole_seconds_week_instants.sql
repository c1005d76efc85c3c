-- Issue 13 item 6 and issue 14 (SPEC.md "Instants are whole seconds", "A weekly sheet stores
-- the instants its week began and ended").
--
-- 1. Weekly sheets store their week's instants. Existing sheets are backfilled from their
--    week_start date in the owner's current zone (a user's sheets then never overlap: they
--    are consecutive weeks of one zone); from now on they are fixed when the sheet is created.
ALTER TABLE "timesheets" ADD COLUMN "week_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "timesheets" ADD COLUMN "week_ended_at" timestamp with time zone;--> statement-breakpoint
UPDATE "timesheets" t SET
  "week_started_at" = (t."week_start"::timestamp AT TIME ZONE u."time_zone"),
  "week_ended_at" = ((t."week_start" + 7)::timestamp AT TIME ZONE u."time_zone")
FROM "users" u
WHERE u."organization_id" = t."organization_id" AND u."id" = t."user_id";--> statement-breakpoint
ALTER TABLE "timesheets" ALTER COLUMN "week_started_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "timesheets" ALTER COLUMN "week_ended_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "timesheets" ADD CONSTRAINT "timesheets_week_ends_after_start" CHECK ("timesheets"."week_ended_at" > "timesheets"."week_started_at");--> statement-breakpoint
-- No two sheets of one user cover the same instant. Serves ensureWeekSheet (the sheet holding
-- an instant) and the lock check (locked sheets overlapping an entry), both by this GiST index.
ALTER TABLE "timesheets" ADD CONSTRAINT "timesheets_no_overlap" EXCLUDE USING gist (
  "organization_id" WITH =,
  "user_id" WITH =,
  tstzrange("week_started_at", "week_ended_at", '[)') WITH &&
);--> statement-breakpoint
-- 2. Instants are whole seconds. Existing rows are truncated in three steps that never make two
--    entries of a user overlap (time_entries_no_overlap is checked row by row):
--    a. entries shorter than a second once truncated (they counted 0 s under the old floor
--       rule) are deleted;
--    b. ends are truncated (each entry only shrinks);
--    c. starts are truncated (an entry grows backwards by under a second, but the previous
--       entry's end is already a whole second not after this start, so not after its
--       truncation either).
--    The dashboard rollup triggers fire on these statements and bump the versions of the
--    touched days, so no cached day computed from the old instants is used again.
DELETE FROM "time_entries"
WHERE "stopped_at" IS NOT NULL AND date_trunc('second', "stopped_at") <= date_trunc('second', "started_at");--> statement-breakpoint
UPDATE "time_entries" SET "stopped_at" = date_trunc('second', "stopped_at")
WHERE "stopped_at" IS NOT NULL AND date_trunc('second', "stopped_at") <> "stopped_at";--> statement-breakpoint
UPDATE "time_entries" SET "started_at" = date_trunc('second', "started_at")
WHERE date_trunc('second', "started_at") <> "started_at";--> statement-breakpoint
UPDATE "activities" SET "started_at" = date_trunc('second', "started_at")
WHERE date_trunc('second', "started_at") <> "started_at";--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_whole_seconds" CHECK (date_trunc('second', "activities"."started_at") = "activities"."started_at");--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_whole_seconds" CHECK (date_trunc('second', "time_entries"."started_at") = "time_entries"."started_at" and ("time_entries"."stopped_at" is null or date_trunc('second', "time_entries"."stopped_at") = "time_entries"."stopped_at"));
