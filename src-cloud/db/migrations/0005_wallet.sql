CREATE TABLE "consumer_consents" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"phone" text NOT NULL,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"source" text NOT NULL,
	"text_shown" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consumer_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"phone" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"ended_at" bigint
);
--> statement-breakpoint
CREATE TABLE "wallet_claims" (
	"merchant_id" text NOT NULL,
	"id" text NOT NULL,
	"issuance_id" text NOT NULL,
	"phone" text NOT NULL,
	"n" integer NOT NULL,
	"code" text NOT NULL,
	"token" text NOT NULL,
	"template_id" text NOT NULL,
	"template_version" integer NOT NULL,
	"store_id" text,
	"valid_from" bigint NOT NULL,
	"valid_until" bigint NOT NULL,
	"timezone" text NOT NULL,
	"claimed_at" bigint NOT NULL,
	"event_id" text NOT NULL,
	CONSTRAINT "wallet_claims_merchant_id_id_pk" PRIMARY KEY("merchant_id","id")
);
--> statement-breakpoint
CREATE TABLE "wallet_issuances" (
	"merchant_id" text NOT NULL,
	"id" text NOT NULL,
	"source" text NOT NULL,
	"template_id" text NOT NULL,
	"title" text NOT NULL,
	"count" integer,
	"per_person" integer NOT NULL,
	"starts_at" bigint,
	"ends_at" bigint,
	"store_id" text,
	"status" text NOT NULL,
	"updated_at" bigint NOT NULL,
	"claimed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "wallet_issuances_merchant_id_id_pk" PRIMARY KEY("merchant_id","id")
);
--> statement-breakpoint
CREATE TABLE "wallet_members" (
	"merchant_id" text NOT NULL,
	"member_id" text NOT NULL,
	"phone" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"level_id" text,
	"deleted" boolean DEFAULT false NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "wallet_members_merchant_id_member_id_pk" PRIMARY KEY("merchant_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "wallet_points" (
	"merchant_id" text NOT NULL,
	"movement_id" text NOT NULL,
	"member_id" text NOT NULL,
	"points" integer NOT NULL,
	"available_at" bigint,
	CONSTRAINT "wallet_points_merchant_id_movement_id_pk" PRIMARY KEY("merchant_id","movement_id")
);
--> statement-breakpoint
CREATE TABLE "wallet_store_defaults" (
	"merchant_id" text NOT NULL,
	"store_id" text NOT NULL,
	"template_id" text,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "wallet_store_defaults_merchant_id_store_id_pk" PRIMARY KEY("merchant_id","store_id")
);
--> statement-breakpoint
CREATE TABLE "wallet_templates" (
	"merchant_id" text NOT NULL,
	"template_id" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"validity" jsonb NOT NULL,
	"store_ids" jsonb NOT NULL,
	"code_format" text NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "wallet_templates_merchant_id_template_id_pk" PRIMARY KEY("merchant_id","template_id")
);
--> statement-breakpoint
ALTER TABLE "consumer_consents" ADD CONSTRAINT "consumer_consents_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumer_sessions" ADD CONSTRAINT "consumer_sessions_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_claims" ADD CONSTRAINT "wallet_claims_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_issuances" ADD CONSTRAINT "wallet_issuances_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_members" ADD CONSTRAINT "wallet_members_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_points" ADD CONSTRAINT "wallet_points_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_store_defaults" ADD CONSTRAINT "wallet_store_defaults_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_templates" ADD CONSTRAINT "wallet_templates_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consumer_consents_phone_idx" ON "consumer_consents" USING btree ("merchant_id","phone","purpose","at");--> statement-breakpoint
CREATE UNIQUE INDEX "consumer_sessions_token_unique" ON "consumer_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_claims_per_person" ON "wallet_claims" USING btree ("merchant_id","issuance_id","phone","n");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_claims_code_unique" ON "wallet_claims" USING btree ("merchant_id","code");--> statement-breakpoint
CREATE INDEX "wallet_claims_phone_idx" ON "wallet_claims" USING btree ("merchant_id","phone","valid_until");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_issuances_store_unique" ON "wallet_issuances" USING btree ("merchant_id","store_id","template_id") WHERE source = 'store';--> statement-breakpoint
CREATE INDEX "wallet_members_phone_idx" ON "wallet_members" USING btree ("merchant_id","phone");--> statement-breakpoint
CREATE INDEX "wallet_points_member_idx" ON "wallet_points" USING btree ("merchant_id","member_id");