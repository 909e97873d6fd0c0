DROP INDEX "help_requests_org_idx";--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "audience" text DEFAULT 'organisation' NOT NULL;--> statement-breakpoint
CREATE INDEX "help_requests_org_idx" ON "help_requests" USING btree ("org_key","audience");--> statement-breakpoint
ALTER TABLE "help_org_keys" DROP CONSTRAINT "help_org_keys_pkey";--> statement-breakpoint
ALTER TABLE "help_org_keys" ADD CONSTRAINT "help_org_keys_org_key_kind_pk" PRIMARY KEY("org_key","kind");--> statement-breakpoint
ALTER TABLE "org_key_grants" ADD COLUMN "kind" text DEFAULT 'organisation' NOT NULL;--> statement-breakpoint
ALTER TABLE "org_key_grants" DROP CONSTRAINT "org_key_grants_org_key_responder_id_pk";--> statement-breakpoint
ALTER TABLE "org_key_grants" ADD CONSTRAINT "org_key_grants_org_key_kind_responder_id_pk" PRIMARY KEY("org_key","kind","responder_id");
