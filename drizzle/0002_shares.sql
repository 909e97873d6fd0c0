CREATE TABLE "shares" (
	"id" text PRIMARY KEY NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"burn_after_reading" boolean DEFAULT false NOT NULL,
	"revoke_hash" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE INDEX "shares_expires_at_idx" ON "shares" USING btree ("expires_at");