CREATE TABLE "heartbeat_pings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"monitor_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"exit_status" integer,
	"method" text NOT NULL,
	"source_address" text,
	"user_agent" text,
	"body" text,
	"body_truncated" boolean DEFAULT false NOT NULL,
	"run_id" uuid,
	"duration_ms" integer
);
--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "ping_key" text;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "last_ping_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "expected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "deadline_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "run_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "run_id" uuid;--> statement-breakpoint
ALTER TABLE "heartbeat_pings" ADD CONSTRAINT "heartbeat_pings_monitor_id_monitors_id_fk" FOREIGN KEY ("monitor_id") REFERENCES "public"."monitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "heartbeat_pings_monitor_time_idx" ON "heartbeat_pings" USING btree ("monitor_id","received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "heartbeat_pings_time_idx" ON "heartbeat_pings" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "monitors_ping_key_idx" ON "monitors" USING btree ("ping_key");--> statement-breakpoint
CREATE INDEX "monitors_deadline_idx" ON "monitors" USING btree ("deadline_at") WHERE "monitors"."deadline_at" is not null and not "monitors"."paused";--> statement-breakpoint
ALTER TABLE "monitors" ADD CONSTRAINT "monitors_ping_key_by_kind" CHECK (("monitors"."kind" = 'heartbeat') = ("monitors"."ping_key" is not null));