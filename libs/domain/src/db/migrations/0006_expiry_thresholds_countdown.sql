ALTER TABLE "monitors" ADD COLUMN "tls_alert_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "domain_alert_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "monitors" ADD COLUMN "expiry_reminder_days" integer[] DEFAULT '{7,3,1}' NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_events" ADD COLUMN "countdown_days" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_events_once_per_countdown_step" ON "incident_events" USING btree ("incident_id","countdown_days") WHERE countdown_days is not null;