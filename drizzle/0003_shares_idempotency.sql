ALTER TABLE "shares" ADD COLUMN "idempotency_hash" "bytea";--> statement-breakpoint
CREATE UNIQUE INDEX "shares_idempotency_hash_idx" ON "shares" USING btree ("idempotency_hash");