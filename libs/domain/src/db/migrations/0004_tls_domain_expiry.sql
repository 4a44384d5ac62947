CREATE TABLE "tls_certificates" (
	"monitor_id" uuid NOT NULL,
	"address" text NOT NULL,
	"family" integer NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"subject" text,
	"subject_alt_names" text[],
	"issuer" text,
	"serial_number" text,
	"fingerprint_sha256" text,
	"valid_from" timestamp with time zone,
	"valid_to" timestamp with time zone,
	"chain" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"chain_error" text,
	"hostname_error" text,
	"protocol" text,
	"error_kind" text,
	"error_message" text,
	"checked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tls_certificates_monitor_id_address_pk" PRIMARY KEY("monitor_id","address")
);
--> statement-breakpoint
CREATE TABLE "domain_registrations" (
	"domain" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone,
	"not_registered" boolean DEFAULT false NOT NULL,
	"source" text,
	"registrar" text,
	"reason" text,
	"checked_at" timestamp with time zone,
	"unknown_since" timestamp with time zone,
	"lookup_started_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "tls_certificates" ADD CONSTRAINT "tls_certificates_monitor_id_monitors_id_fk" FOREIGN KEY ("monitor_id") REFERENCES "public"."monitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tls_certificates_valid_to_idx" ON "tls_certificates" USING btree ("valid_to");--> statement-breakpoint
CREATE INDEX "domain_registrations_expires_idx" ON "domain_registrations" USING btree ("expires_at");