CREATE TABLE "additional_data" (
	"call_id" uuid PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"document" jsonb,
	"version" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp (3) with time zone,
	"checked_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "additional_data" ADD CONSTRAINT "additional_data_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;