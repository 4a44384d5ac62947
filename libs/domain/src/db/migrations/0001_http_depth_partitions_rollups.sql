CREATE TABLE "check_rollups" (
	"monitor_id" uuid NOT NULL,
	"granularity" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"checks" integer DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"unknowns" integer DEFAULT 0 NOT NULL,
	"latency_count" integer DEFAULT 0 NOT NULL,
	"latency_sum" bigint DEFAULT 0 NOT NULL,
	"latency_min" integer,
	"latency_max" integer,
	"histogram" integer[] NOT NULL,
	CONSTRAINT "check_rollups_monitor_id_granularity_bucket_start_pk" PRIMARY KEY("monitor_id","granularity","bucket_start")
);
--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "method" text DEFAULT 'GET' NOT NULL;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "headers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "body" text;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "body_assertion" jsonb;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "max_body_bytes" integer DEFAULT 1048576 NOT NULL;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "follow_redirects" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "max_redirects" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "ignore_tls_errors" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "retries" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "retry_delay_ms" integer DEFAULT 500 NOT NULL;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "recovery_threshold" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "consecutive_successes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "check_rollups" ADD CONSTRAINT "check_rollups_monitor_id_monitors_id_fk" FOREIGN KEY ("monitor_id") REFERENCES "public"."monitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- check_results becomes PARTITIONED BY RANGE (checked_at), one partition per day: retention then drops
-- whole partitions (cheap, no vacuum debt) instead of deleting rows. Written by hand: drizzle-kit does not
-- model partitioning. Rows of the old table are carried over.
ALTER TABLE "check_results" RENAME TO "check_results_before_partitioning";--> statement-breakpoint
ALTER TABLE "check_results_before_partitioning" DROP CONSTRAINT "check_results_monitor_id_monitors_id_fk";--> statement-breakpoint
ALTER INDEX "check_results_monitor_time_idx" RENAME TO "check_results_before_partitioning_idx";--> statement-breakpoint
CREATE SEQUENCE "check_results_row_id_seq" AS bigint;--> statement-breakpoint
CREATE TABLE "check_results" (
	"id" bigint DEFAULT nextval('check_results_row_id_seq') NOT NULL,
	"monitor_id" uuid NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"ok" boolean NOT NULL,
	"verdict" text NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"status_code" integer,
	"latency_ms" integer,
	"dns_ms" integer,
	"connect_ms" integer,
	"tls_ms" integer,
	"first_byte_ms" integer,
	"error_kind" text,
	"error_message" text,
	CONSTRAINT "check_results_id_checked_at_pk" PRIMARY KEY("id","checked_at")
) PARTITION BY RANGE ("checked_at");--> statement-breakpoint
ALTER SEQUENCE "check_results_row_id_seq" OWNED BY "check_results"."id";--> statement-breakpoint
-- Catches rows outside the daily partitions (e.g. before the first maintenance run); normally empty.
CREATE TABLE "check_results_default" PARTITION OF "check_results" DEFAULT;--> statement-breakpoint
ALTER TABLE "check_results" ADD CONSTRAINT "check_results_monitor_id_monitors_id_fk" FOREIGN KEY ("monitor_id") REFERENCES "public"."monitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_results_monitor_time_idx" ON "check_results" USING btree ("monitor_id","checked_at" DESC NULLS LAST);--> statement-breakpoint
INSERT INTO "check_results" ("monitor_id", "checked_at", "ok", "verdict", "status_code", "latency_ms", "error_kind", "error_message")
	SELECT "monitor_id", "checked_at", "ok", CASE WHEN "ok" THEN 'up' ELSE 'down' END, "status_code", "latency_ms", "error_kind", "error_message"
	FROM "check_results_before_partitioning" ORDER BY "id";--> statement-breakpoint
DROP TABLE "check_results_before_partitioning";