-- Keeps the dashboards' rollup cache (dashboard_day_rollups) exact. Serves every dashboard
-- query (lib/services/dashboards/metrics-sql.ts): a cached user-day is used only while the
-- versions it was computed from are unchanged, so each change below bumps one.
--   time_entries, activities: the user's version of every UTC date the old or new row touches
--   productivity_rules, team_members: the organisation's version (rules and team overrides)
-- Statement-level triggers with transition tables: one upsert per statement, not per row.

CREATE FUNCTION dashboard_bump_entry_dates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO dashboard_versions AS v (organization_id, user_id, utc_date)
    SELECT DISTINCT r.organization_id, r.user_id, g::date
    FROM (SELECT organization_id, user_id, started_at, stopped_at FROM changed
          UNION ALL SELECT organization_id, user_id, started_at, stopped_at FROM changed_new) r,
         generate_series((r.started_at AT TIME ZONE 'UTC')::date::timestamp,
                         (coalesce(r.stopped_at, r.started_at) AT TIME ZONE 'UTC')::date::timestamp, interval '1 day') g
    ON CONFLICT (organization_id, user_id, utc_date) DO UPDATE SET version = v.version + 1;
  ELSE
    INSERT INTO dashboard_versions AS v (organization_id, user_id, utc_date)
    SELECT DISTINCT r.organization_id, r.user_id, g::date
    FROM changed r,
         generate_series((r.started_at AT TIME ZONE 'UTC')::date::timestamp,
                         (coalesce(r.stopped_at, r.started_at) AT TIME ZONE 'UTC')::date::timestamp, interval '1 day') g
    ON CONFLICT (organization_id, user_id, utc_date) DO UPDATE SET version = v.version + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- An activity counts for at most 24 hours from its start (MAX_ACTIVITY_SECONDS).
CREATE FUNCTION dashboard_bump_activity_dates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO dashboard_versions AS v (organization_id, user_id, utc_date)
    SELECT DISTINCT r.organization_id, r.user_id, g::date
    FROM (SELECT organization_id, user_id, started_at, duration FROM changed
          UNION ALL SELECT organization_id, user_id, started_at, duration FROM changed_new) r,
         generate_series((r.started_at AT TIME ZONE 'UTC')::date::timestamp,
                         ((r.started_at + make_interval(secs => least(r.duration, 86400))) AT TIME ZONE 'UTC')::date::timestamp, interval '1 day') g
    ON CONFLICT (organization_id, user_id, utc_date) DO UPDATE SET version = v.version + 1;
  ELSE
    INSERT INTO dashboard_versions AS v (organization_id, user_id, utc_date)
    SELECT DISTINCT r.organization_id, r.user_id, g::date
    FROM changed r,
         generate_series((r.started_at AT TIME ZONE 'UTC')::date::timestamp,
                         ((r.started_at + make_interval(secs => least(r.duration, 86400))) AT TIME ZONE 'UTC')::date::timestamp, interval '1 day') g
    ON CONFLICT (organization_id, user_id, utc_date) DO UPDATE SET version = v.version + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION dashboard_bump_org() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO dashboard_org_versions AS v (organization_id)
    SELECT organization_id FROM changed UNION SELECT organization_id FROM changed_new
    ON CONFLICT (organization_id) DO UPDATE SET version = v.version + 1;
  ELSE
    INSERT INTO dashboard_org_versions AS v (organization_id)
    SELECT DISTINCT organization_id FROM changed
    ON CONFLICT (organization_id) DO UPDATE SET version = v.version + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER time_entries_dashboard_ins AFTER INSERT ON time_entries REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION dashboard_bump_entry_dates();
--> statement-breakpoint
CREATE TRIGGER time_entries_dashboard_upd AFTER UPDATE ON time_entries REFERENCING OLD TABLE AS changed NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION dashboard_bump_entry_dates();
--> statement-breakpoint
CREATE TRIGGER time_entries_dashboard_del AFTER DELETE ON time_entries REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION dashboard_bump_entry_dates();
--> statement-breakpoint
CREATE TRIGGER activities_dashboard_ins AFTER INSERT ON activities REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION dashboard_bump_activity_dates();
--> statement-breakpoint
CREATE TRIGGER activities_dashboard_upd AFTER UPDATE ON activities REFERENCING OLD TABLE AS changed NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION dashboard_bump_activity_dates();
--> statement-breakpoint
CREATE TRIGGER activities_dashboard_del AFTER DELETE ON activities REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION dashboard_bump_activity_dates();
--> statement-breakpoint
CREATE TRIGGER productivity_rules_dashboard_ins AFTER INSERT ON productivity_rules REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION dashboard_bump_org();
--> statement-breakpoint
CREATE TRIGGER productivity_rules_dashboard_upd AFTER UPDATE ON productivity_rules REFERENCING OLD TABLE AS changed NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION dashboard_bump_org();
--> statement-breakpoint
CREATE TRIGGER productivity_rules_dashboard_del AFTER DELETE ON productivity_rules REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION dashboard_bump_org();
--> statement-breakpoint
CREATE TRIGGER team_members_dashboard_ins AFTER INSERT ON team_members REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION dashboard_bump_org();
--> statement-breakpoint
CREATE TRIGGER team_members_dashboard_upd AFTER UPDATE ON team_members REFERENCING OLD TABLE AS changed NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION dashboard_bump_org();
--> statement-breakpoint
CREATE TRIGGER team_members_dashboard_del AFTER DELETE ON team_members REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION dashboard_bump_org();
