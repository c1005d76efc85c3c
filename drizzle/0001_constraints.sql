-- Rules that must never break, enforced by the database itself.
-- btree_gist lets a GiST exclusion constraint compare uuids with "=".
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- No two entries of one user overlap; a running entry (stopped_at null) extends to infinity.
-- Serves: every write path of time entries (/v1 tracks, /api/timesheet logs, timer).
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_no_overlap" EXCLUDE USING gist (
  "organization_id" WITH =,
  "user_id" WITH =,
  tstzrange("started_at", coalesce("stopped_at", 'infinity'::timestamptz), '[)') WITH &&
);
