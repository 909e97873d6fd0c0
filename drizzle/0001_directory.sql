CREATE TABLE "directory_address" (
	"id" uuid PRIMARY KEY NOT NULL,
	"location_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"attention" text,
	"address_1" text NOT NULL,
	"address_2" text,
	"city" text NOT NULL,
	"state_province" text NOT NULL,
	"postal_code" text NOT NULL,
	"country" text NOT NULL,
	"address_type" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_changes" (
	"version" integer PRIMARY KEY NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" text NOT NULL,
	"via" text NOT NULL,
	"diff" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_contact" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid,
	"service_id" uuid,
	"position" integer NOT NULL,
	"name" text,
	"title" text,
	"department" text,
	"email" text
);
--> statement-breakpoint
CREATE TABLE "directory_language" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text,
	"code" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "directory_location" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ura_key" text NOT NULL,
	"location_type" text NOT NULL,
	"name" text NOT NULL,
	"alternate_name" text,
	"description" text,
	"ura_municipality" text NOT NULL,
	"ura_name_en" text NOT NULL,
	"ura_confidential" boolean NOT NULL,
	CONSTRAINT "directory_location_ura_key_unique" UNIQUE("ura_key")
);
--> statement-breakpoint
CREATE TABLE "directory_organization" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ura_key" text NOT NULL,
	"name" text NOT NULL,
	"alternate_name" text,
	"description" text NOT NULL,
	"email" text,
	"website" text,
	"ura_name_en" text NOT NULL,
	"ura_description_en" text NOT NULL,
	"ura_citations" jsonb NOT NULL,
	"ura_to_verify" boolean NOT NULL,
	CONSTRAINT "directory_organization_ura_key_unique" UNIQUE("ura_key")
);
--> statement-breakpoint
CREATE TABLE "directory_phone" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid,
	"service_id" uuid,
	"position" integer NOT NULL,
	"number" text NOT NULL,
	"extension" real,
	"type" text,
	"description" text,
	"ura_description_en" text
);
--> statement-breakpoint
CREATE TABLE "directory_schedule" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"valid_from" text,
	"valid_to" text,
	"freq" text,
	"byday" text,
	"opens_at" text,
	"closes_at" text,
	"description" text,
	"ura_description_en" text
);
--> statement-breakpoint
CREATE TABLE "directory_service" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"ura_key" text NOT NULL,
	"name" text NOT NULL,
	"alternate_name" text,
	"description" text NOT NULL,
	"url" text,
	"email" text,
	"status" text NOT NULL,
	"application_process" text,
	"fees_description" text,
	"eligibility_description" text,
	"minimum_age" integer,
	"maximum_age" integer,
	"assured_date" text NOT NULL,
	"ura_name_en" text NOT NULL,
	"ura_description_en" text NOT NULL,
	"ura_eligibility_en" text,
	"ura_application_process_en" text,
	"ura_fees_en" text,
	"ura_kinds" jsonb NOT NULL,
	"ura_audiences" jsonb NOT NULL,
	"ura_free" boolean,
	"ura_place_note" text,
	"ura_place_note_en" text,
	"ura_citations" jsonb NOT NULL,
	"ura_to_verify" boolean NOT NULL,
	CONSTRAINT "directory_service_ura_key_unique" UNIQUE("ura_key")
);
--> statement-breakpoint
CREATE TABLE "directory_service_area" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"uri" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_service_at_location" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text
);
--> statement-breakpoint
ALTER TABLE "directory_address" ADD CONSTRAINT "directory_address_location_id_directory_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."directory_location"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_contact" ADD CONSTRAINT "directory_contact_organization_id_directory_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."directory_organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_contact" ADD CONSTRAINT "directory_contact_service_id_directory_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_language" ADD CONSTRAINT "directory_language_service_id_directory_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_phone" ADD CONSTRAINT "directory_phone_organization_id_directory_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."directory_organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_phone" ADD CONSTRAINT "directory_phone_service_id_directory_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_schedule" ADD CONSTRAINT "directory_schedule_service_id_directory_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service" ADD CONSTRAINT "directory_service_organization_id_directory_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."directory_organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service_area" ADD CONSTRAINT "directory_service_area_service_id_directory_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service_at_location" ADD CONSTRAINT "directory_service_at_location_service_id_directory_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service_at_location" ADD CONSTRAINT "directory_service_at_location_location_id_directory_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."directory_location"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_service_org_idx" ON "directory_service" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "directory_service_area_service_idx" ON "directory_service_area" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "directory_sal_service_idx" ON "directory_service_at_location" USING btree ("service_id");