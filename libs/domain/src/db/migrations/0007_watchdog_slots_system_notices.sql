CREATE TABLE "watchdog_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"swept_at" timestamp with time zone NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	"repairs" bigint DEFAULT 0 NOT NULL,
	"degraded_since" timestamp with time zone,
	CONSTRAINT "watchdog_state_one_row" CHECK ("watchdog_state"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "overdue_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "last_slot_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "stale_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "stale_reason" text;--> statement-breakpoint
ALTER TABLE "check_results" ADD COLUMN "slot_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "system_notices" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "monitors_overdue_idx" ON "monitors" USING btree ("overdue_at") WHERE not "monitors"."paused";--> statement-breakpoint
CREATE INDEX "monitors_stale_idx" ON "monitors" USING btree ("stale_since") WHERE "monitors"."stale_since" is not null;--> statement-breakpoint
-- Monitors that existed before the watchdog get one interval (plus a margin) to show a result.
UPDATE "monitors" SET "overdue_at" = now() + make_interval(secs => "interval_seconds" * 2) WHERE NOT "paused";
