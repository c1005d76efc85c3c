ALTER TABLE "users" ADD COLUMN "avatar_provider" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "avatar_key" text;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_avatar_both_or_neither" CHECK (("users"."avatar_provider" is null) = ("users"."avatar_key" is null));