CREATE TABLE "outreach_campaigns" (
	"merchant_id" text NOT NULL,
	"id" text NOT NULL,
	"deployment" text NOT NULL,
	"purpose" text NOT NULL,
	"name" text NOT NULL,
	"signature" text NOT NULL,
	"text" text NOT NULL,
	"template_id" text,
	"send_at" bigint NOT NULL,
	"time_zone" text NOT NULL,
	"cap_per_30_days" integer NOT NULL,
	"body_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	"started_at" bigint,
	CONSTRAINT "outreach_campaigns_merchant_id_id_pk" PRIMARY KEY("merchant_id","id")
);
--> statement-breakpoint
CREATE TABLE "outreach_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"deployment" text NOT NULL,
	"phone" text NOT NULL,
	"phone_hash" text NOT NULL,
	"stratum" text NOT NULL,
	"marketing" boolean NOT NULL,
	"state" text NOT NULL,
	"skip_reason" text,
	"not_before" bigint,
	"lease_until" bigint,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"claim_id" text,
	"parts" integer,
	"received_at" bigint NOT NULL,
	"queued_at" bigint,
	"sent_at" bigint,
	"settled_at" bigint
);
--> statement-breakpoint
CREATE TABLE "outreach_suppressions" (
	"merchant_id" text NOT NULL,
	"signature" text NOT NULL,
	"phone_hash" text NOT NULL,
	"reason" text NOT NULL,
	"message_id" text,
	"at" bigint NOT NULL,
	CONSTRAINT "outreach_suppressions_merchant_id_signature_phone_hash_pk" PRIMARY KEY("merchant_id","signature","phone_hash")
);
--> statement-breakpoint
ALTER TABLE "outreach_campaigns" ADD CONSTRAINT "outreach_campaigns_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_messages" ADD CONSTRAINT "outreach_messages_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_suppressions" ADD CONSTRAINT "outreach_suppressions_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_messages_per_phone" ON "outreach_messages" USING btree ("merchant_id","campaign_id","phone");--> statement-breakpoint
CREATE INDEX "outreach_messages_campaign_state_idx" ON "outreach_messages" USING btree ("merchant_id","campaign_id","state");--> statement-breakpoint
CREATE INDEX "outreach_messages_due_idx" ON "outreach_messages" USING btree ("deployment","state","not_before");--> statement-breakpoint
CREATE INDEX "outreach_messages_frequency_idx" ON "outreach_messages" USING btree ("merchant_id","phone_hash","not_before");--> statement-breakpoint
CREATE INDEX "outreach_messages_phone_idx" ON "outreach_messages" USING btree ("phone","sent_at");