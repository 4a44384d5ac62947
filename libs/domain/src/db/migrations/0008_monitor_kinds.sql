ALTER TABLE "monitors" ALTER COLUMN "url" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "monitors" ALTER COLUMN "expected_status_codes" SET DEFAULT '200-299';--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "kind" text DEFAULT 'http' NOT NULL;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "settings" jsonb;--> statement-breakpoint
ALTER TABLE "monitors" ADD CONSTRAINT "monitors_settings_by_kind" CHECK (("monitors"."kind" = 'http') = ("monitors"."url" is not null and "monitors"."settings" is null));