-- Zones PostgreSQL does not know (AET, CTT, US/Pacific-New: Intl accepted them) were stored
-- before zones were checked against pg_timezone_names; they broke every `at time zone` with a
-- 500. They become UTC, which is also how the app reads any such zone left (lib/time/known-zones.ts).
UPDATE "users" SET "time_zone" = 'UTC'
WHERE lower("time_zone") NOT IN (SELECT lower("name") FROM pg_timezone_names);
--> statement-breakpoint
UPDATE "organizations" SET "default_time_zone" = 'UTC'
WHERE lower("default_time_zone") NOT IN (SELECT lower("name") FROM pg_timezone_names);
