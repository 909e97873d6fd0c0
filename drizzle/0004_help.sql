CREATE TABLE "help_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"created_hour" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_org_keys" (
	"org_key" text PRIMARY KEY NOT NULL,
	"public_key" "bytea" NOT NULL,
	"kind" text DEFAULT 'organisation' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_replies" (
	"id" text PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"created_hour" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"org_key" text NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"idempotency_key" text NOT NULL,
	"lookup_hash" "bytea" NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"created_hour" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "org_key_grants" (
	"org_key" text NOT NULL,
	"responder_id" text NOT NULL,
	"sealed_key" "bytea" NOT NULL,
	CONSTRAINT "org_key_grants_org_key_responder_id_pk" PRIMARY KEY("org_key","responder_id")
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"bucket" text NOT NULL,
	"key_hash" "bytea" NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_limit_counters_bucket_key_hash_window_start_pk" PRIMARY KEY("bucket","key_hash","window_start")
);
--> statement-breakpoint
CREATE TABLE "rate_limit_secrets" (
	"day" text PRIMARY KEY NOT NULL,
	"secret" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responder_challenges" (
	"id" text PRIMARY KEY NOT NULL,
	"responder_id" text,
	"challenge" "bytea" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responder_invites" (
	"token_hash" "bytea" PRIMARY KEY NOT NULL,
	"org_key" text NOT NULL,
	"role" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "responder_sessions" (
	"token_hash" "bytea" PRIMARY KEY NOT NULL,
	"responder_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"idle_expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responders" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"org_key" text NOT NULL,
	"role" text NOT NULL,
	"box_public_key" "bytea" NOT NULL,
	"sign_public_key" "bytea" NOT NULL,
	"wrapped_keys" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "responders_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "help_notes" ADD CONSTRAINT "help_notes_request_id_help_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."help_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_replies" ADD CONSTRAINT "help_replies_request_id_help_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."help_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_key_grants" ADD CONSTRAINT "org_key_grants_responder_id_responders_id_fk" FOREIGN KEY ("responder_id") REFERENCES "public"."responders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responder_challenges" ADD CONSTRAINT "responder_challenges_responder_id_responders_id_fk" FOREIGN KEY ("responder_id") REFERENCES "public"."responders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responder_sessions" ADD CONSTRAINT "responder_sessions_responder_id_responders_id_fk" FOREIGN KEY ("responder_id") REFERENCES "public"."responders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "help_notes_request_idx" ON "help_notes" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "help_replies_request_idx" ON "help_replies" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "help_requests_idempotency_idx" ON "help_requests" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "help_requests_org_idx" ON "help_requests" USING btree ("org_key");--> statement-breakpoint
CREATE INDEX "help_requests_lookup_idx" ON "help_requests" USING btree ("lookup_hash");--> statement-breakpoint
CREATE INDEX "help_requests_expires_idx" ON "help_requests" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "rate_limit_counters_window_idx" ON "rate_limit_counters" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "responder_sessions_responder_idx" ON "responder_sessions" USING btree ("responder_id");