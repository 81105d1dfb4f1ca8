CREATE TABLE "merchants" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "merchants_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "pairing_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"code_hash" text NOT NULL,
	"label" text,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"used_at" bigint,
	"used_by_device_id" text,
	CONSTRAINT "pairing_codes_codeHash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"kid" text NOT NULL,
	"secret" text NOT NULL,
	"created_at" bigint NOT NULL,
	"retired_at" bigint,
	"active" boolean DEFAULT false NOT NULL,
	"uploaded_by" text,
	"added_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"name" text NOT NULL,
	"store_id" text,
	"app_version" text,
	"token_hash" text NOT NULL,
	"previous_token_hash" text,
	"token_issued_at" bigint NOT NULL,
	"paired_at" bigint NOT NULL,
	"last_seen_at" bigint,
	"revoked_at" bigint,
	CONSTRAINT "devices_tokenHash_unique" UNIQUE("token_hash"),
	CONSTRAINT "devices_previousTokenHash_unique" UNIQUE("previous_token_hash")
);
--> statement-breakpoint
CREATE TABLE "coupon_claims" (
	"merchant_id" text NOT NULL,
	"redemption_id" text NOT NULL,
	"code" text NOT NULL,
	"event_id" text NOT NULL,
	"device_id" text,
	"store_id" text,
	"terminal_id" text,
	"staff_id" text,
	"customer_phone" text,
	"subtotal_fen" bigint NOT NULL,
	"discount_fen" bigint NOT NULL,
	"claimed_at" bigint NOT NULL,
	"received_at" bigint NOT NULL,
	"voided_at" bigint,
	CONSTRAINT "coupon_claims_merchant_id_redemption_id_pk" PRIMARY KEY("merchant_id","redemption_id")
);
--> statement-breakpoint
CREATE TABLE "sync_events" (
	"merchant_id" text NOT NULL,
	"event_id" text NOT NULL,
	"seq" bigint,
	"device_id" text,
	"kind" text NOT NULL,
	"entity_id" text NOT NULL,
	"occurred_at" bigint NOT NULL,
	"payload" jsonb NOT NULL,
	"payload_hash" text NOT NULL,
	"status" text NOT NULL,
	"result" jsonb NOT NULL,
	"received_at" bigint NOT NULL,
	CONSTRAINT "sync_events_merchant_id_event_id_pk" PRIMARY KEY("merchant_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "cashback_codes" (
	"merchant_id" text NOT NULL,
	"id" text NOT NULL,
	"code" text NOT NULL,
	"template_id" text NOT NULL,
	"product_id" text NOT NULL,
	"terminal_id" text NOT NULL,
	"store_id" text NOT NULL,
	"reward_fen" bigint NOT NULL,
	"issued_at" bigint NOT NULL,
	"valid_until" bigint NOT NULL,
	"phone" text,
	"redeemed_at" bigint,
	"redeemed_via" text,
	"redeemed_device_id" text,
	"redeemed_event_id" text,
	"redemption_received_at" bigint,
	CONSTRAINT "cashback_codes_merchant_id_id_pk" PRIMARY KEY("merchant_id","id")
);
--> statement-breakpoint
CREATE TABLE "consumer_otps" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"attempts_left" integer NOT NULL,
	"used_at" bigint
);
--> statement-breakpoint
ALTER TABLE "pairing_codes" ADD CONSTRAINT "pairing_codes_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_keys" ADD CONSTRAINT "signing_keys_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupon_claims" ADD CONSTRAINT "coupon_claims_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_events" ADD CONSTRAINT "sync_events_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cashback_codes" ADD CONSTRAINT "cashback_codes_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumer_otps" ADD CONSTRAINT "consumer_otps_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pairing_codes_merchant_idx" ON "pairing_codes" USING btree ("merchant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_secret_unique" ON "signing_keys" USING btree ("merchant_id","kid","secret");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_one_active" ON "signing_keys" USING btree ("merchant_id") WHERE active;--> statement-breakpoint
CREATE INDEX "devices_merchant_idx" ON "devices" USING btree ("merchant_id","paired_at");--> statement-breakpoint
CREATE UNIQUE INDEX "coupon_claims_one_live" ON "coupon_claims" USING btree ("merchant_id","code") WHERE voided_at is null;--> statement-breakpoint
CREATE INDEX "coupon_claims_phone_idx" ON "coupon_claims" USING btree ("merchant_id","customer_phone");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_events_seq_unique" ON "sync_events" USING btree ("merchant_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "cashback_codes_code_unique" ON "cashback_codes" USING btree ("merchant_id","code");--> statement-breakpoint
CREATE INDEX "cashback_codes_phone_idx" ON "cashback_codes" USING btree ("merchant_id","phone");--> statement-breakpoint
CREATE INDEX "consumer_otps_phone_idx" ON "consumer_otps" USING btree ("merchant_id","phone","created_at");