DROP INDEX "help_requests_org_idx";--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "audience" text DEFAULT 'organisation' NOT NULL;--> statement-breakpoint
CREATE INDEX "help_requests_org_idx" ON "help_requests" USING btree ("org_key","audience");--> statement-breakpoint
ALTER TABLE "help_org_keys" DROP CONSTRAINT "help_org_keys_pkey";--> statement-breakpoint
ALTER TABLE "help_org_keys" ADD CONSTRAINT "help_org_keys_org_key_kind_pk" PRIMARY KEY("org_key","kind");--> statement-breakpoint
ALTER TABLE "org_key_grants" ADD COLUMN "kind" text DEFAULT 'organisation' NOT NULL;--> statement-breakpoint
ALTER TABLE "org_key_grants" DROP CONSTRAINT "org_key_grants_org_key_responder_id_pk";--> statement-breakpoint
ALTER TABLE "org_key_grants" ADD CONSTRAINT "org_key_grants_org_key_kind_responder_id_pk" PRIMARY KEY("org_key","kind","responder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "help_org_keys_public_key_idx" ON "help_org_keys" USING btree ("public_key");--> statement-breakpoint
ALTER TABLE "help_org_keys" ADD CONSTRAINT "help_org_keys_kind_check" CHECK ("help_org_keys"."kind" IN ('organisation', 'peer_mentors'));--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_audience_check" CHECK ("help_requests"."audience" IN ('organisation', 'peer_mentors'));--> statement-breakpoint
ALTER TABLE "org_key_grants" ADD CONSTRAINT "org_key_grants_kind_check" CHECK ("org_key_grants"."kind" IN ('organisation', 'peer_mentors'));--> statement-breakpoint
-- Before this migration every member waiting for a grant was offered the staff key, peer
-- mentors too. A peer mentor must never hold it: take such grants back (docs/crypto.md says
-- why the staff key should then be rotated).
DELETE FROM "org_key_grants" g USING "responders" r WHERE g."responder_id" = r."id" AND r."role" = 'peer_mentor' AND g."kind" = 'organisation';
