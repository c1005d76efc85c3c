CREATE TABLE "dashboard_day_rollups" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"time_zone" text NOT NULL,
	"day" date NOT NULL,
	"data_version" bigint NOT NULL,
	"org_version" bigint NOT NULL,
	"formula" smallint NOT NULL,
	"idle" numeric NOT NULL,
	"work" numeric NOT NULL,
	"covered" numeric NOT NULL,
	"unproductive" numeric NOT NULL,
	"in_time" timestamp with time zone,
	"out_time" timestamp with time zone,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dashboard_day_rollups_organization_id_user_id_time_zone_day_pk" PRIMARY KEY("organization_id","user_id","time_zone","day")
);
--> statement-breakpoint
CREATE TABLE "dashboard_org_versions" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_versions" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"utc_date" date NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	CONSTRAINT "dashboard_versions_organization_id_user_id_utc_date_pk" PRIMARY KEY("organization_id","user_id","utc_date")
);
--> statement-breakpoint
ALTER TABLE "dashboard_day_rollups" ADD CONSTRAINT "dashboard_day_rollups_organization_id_user_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE cascade ON UPDATE no action;