CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_email" text,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"target" text,
	"phone" text,
	"ip" text,
	"user_agent" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_watches" (
	"user_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"opened_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_watches_user_id_phone_pk" PRIMARY KEY("user_id","phone")
);
--> statement-breakpoint
CREATE TABLE "caller_locations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"record_key" text NOT NULL,
	"created_time" bigint NOT NULL,
	"location_time" bigint NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"radius_m" double precision,
	"confidence" double precision,
	"pdf" text,
	"record" jsonb NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone" text NOT NULL,
	"call_start_time" bigint,
	"status" text DEFAULT 'active' NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"caller_name" text,
	"first_seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_location_at" bigint,
	"last_created_time" bigint,
	"location_count" integer DEFAULT 0 NOT NULL,
	"last_polled_at" timestamp (3) with time zone,
	"missed_polls" integer DEFAULT 0 NOT NULL,
	"ended_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "datashare_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_sha256" text NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"phone" text NOT NULL,
	"call_id" uuid,
	"incident_latitude" double precision,
	"incident_longitude" double precision,
	"ecc_account_id" text,
	"bbox" jsonb,
	"access_token_sealed" text,
	CONSTRAINT "datashare_deliveries_body_sha256_unique" UNIQUE("body_sha256")
);
--> statement-breakpoint
CREATE TABLE "device_positions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"device_id" text NOT NULL,
	"serial" text NOT NULL,
	"officer_name" text,
	"badge" text,
	"status" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"accuracy_m" double precision,
	"at" bigint NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_active_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"end_reason" text,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text,
	"oidc_subject" text,
	"disabled_at" timestamp (3) with time zone,
	"locked_at" timestamp (3) with time zone,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_oidc_subject_unique" UNIQUE("oidc_subject")
);
--> statement-breakpoint
ALTER TABLE "call_watches" ADD CONSTRAINT "call_watches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caller_locations" ADD CONSTRAINT "caller_locations_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datashare_deliveries" ADD CONSTRAINT "datashare_deliveries_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_action_idx" ON "audit_log" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "audit_phone_idx" ON "audit_log" USING btree ("phone","at");--> statement-breakpoint
CREATE UNIQUE INDEX "caller_locations_key_idx" ON "caller_locations" USING btree ("phone","record_key");--> statement-breakpoint
CREATE INDEX "caller_locations_call_idx" ON "caller_locations" USING btree ("call_id","created_time");--> statement-breakpoint
CREATE INDEX "caller_locations_received_idx" ON "caller_locations" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_phone_start_idx" ON "calls" USING btree ("phone","call_start_time");--> statement-breakpoint
CREATE INDEX "calls_status_idx" ON "calls" USING btree ("status");--> statement-breakpoint
CREATE INDEX "calls_phone_idx" ON "calls" USING btree ("phone","first_seen_at");--> statement-breakpoint
CREATE INDEX "datashare_phone_idx" ON "datashare_deliveries" USING btree ("phone","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "device_positions_device_at_idx" ON "device_positions" USING btree ("device_id","at");--> statement-breakpoint
CREATE INDEX "device_positions_received_idx" ON "device_positions" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");