CREATE TABLE "device_states" (
	"device_id" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	"device" jsonb
);
--> statement-breakpoint
CREATE TABLE "live_feeds" (
	"name" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	"state" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "interest_until" timestamp (3) with time zone;--> statement-breakpoint
CREATE INDEX "device_states_version_idx" ON "device_states" USING btree ("version");