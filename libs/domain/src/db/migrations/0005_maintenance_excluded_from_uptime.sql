ALTER TABLE "check_results" ADD COLUMN "in_maintenance" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "check_rollups" ADD COLUMN "maintenance" integer DEFAULT 0 NOT NULL;