ALTER TABLE "api_keys" ADD COLUMN "scopes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Backfill: every existing key gets the scopes its owner's role allows (lib/auth/scopes.ts
-- scopesAllowed): admins all, members the tracking, report and user scopes, team managers
-- also timesheets:approve. No scope grants setting passwords, issuing keys or making admins.
UPDATE "api_keys" k SET "scopes" = CASE
  WHEN u."role" = 'admin' THEN ARRAY['time:read','time:write','timesheets:approve','reports:read','users:read','users:write','admin']::text[]
  WHEN EXISTS (SELECT 1 FROM "team_members" m WHERE m."organization_id" = k."organization_id" AND m."user_id" = k."user_id" AND m."is_manager")
    THEN ARRAY['time:read','time:write','timesheets:approve','reports:read','users:read','users:write']::text[]
  ELSE ARRAY['time:read','time:write','reports:read','users:read','users:write']::text[]
END
FROM "users" u WHERE u."organization_id" = k."organization_id" AND u."id" = k."user_id";--> statement-breakpoint
ALTER TABLE "api_keys" ALTER COLUMN "scopes" DROP DEFAULT;
