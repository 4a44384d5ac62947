ALTER TABLE "monitors" ADD COLUMN "next_check_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "monitors_next_check_idx" ON "monitors" USING btree ("next_check_at") WHERE "monitors"."next_check_at" is not null and not "monitors"."paused";--> statement-breakpoint
-- Every active monitor is due at once: its schedule moves from the job queue into this column.
UPDATE "monitors" SET "next_check_at" = now() WHERE NOT "paused" AND "kind" <> 'heartbeat';
