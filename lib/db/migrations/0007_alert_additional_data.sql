CREATE TABLE "alert_additional_data" (
	"alert_id" text PRIMARY KEY NOT NULL,
	"document" jsonb,
	"version" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp (3) with time zone,
	"checked_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert_additional_data" ADD CONSTRAINT "alert_additional_data_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;