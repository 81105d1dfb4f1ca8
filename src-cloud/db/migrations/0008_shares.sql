CREATE TABLE "consumer_places" (
	"merchant_id" text NOT NULL,
	"phone" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"system" text DEFAULT 'gcj02' NOT NULL,
	"business_district" text,
	"at" bigint NOT NULL,
	CONSTRAINT "consumer_places_merchant_id_phone_pk" PRIMARY KEY("merchant_id","phone")
);
--> statement-breakpoint
CREATE TABLE "wallet_ask_targets" (
	"merchant_id" text NOT NULL,
	"ask_id" text NOT NULL,
	"holder_phone" text NOT NULL,
	"claim_id" text NOT NULL,
	"rank" integer NOT NULL,
	"distance_m" integer NOT NULL,
	"same_district" boolean NOT NULL,
	"status" text NOT NULL,
	"share_token" text,
	"at" bigint NOT NULL,
	CONSTRAINT "wallet_ask_targets_merchant_id_ask_id_holder_phone_pk" PRIMARY KEY("merchant_id","ask_id","holder_phone")
);
--> statement-breakpoint
CREATE TABLE "wallet_asks" (
	"merchant_id" text NOT NULL,
	"id" text NOT NULL,
	"asker_phone" text NOT NULL,
	"store_id" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"business_district" text,
	"price_fen" integer,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	CONSTRAINT "wallet_asks_merchant_id_id_pk" PRIMARY KEY("merchant_id","id")
);
--> statement-breakpoint
CREATE TABLE "wallet_share_accepts" (
	"merchant_id" text NOT NULL,
	"share_id" text NOT NULL,
	"claim_id" text NOT NULL,
	"from_claim_id" text NOT NULL,
	"from_phone" text NOT NULL,
	"to_phone" text NOT NULL,
	"mode" text NOT NULL,
	"hop" integer NOT NULL,
	"template_id" text NOT NULL,
	"at" bigint NOT NULL,
	CONSTRAINT "wallet_share_accepts_merchant_id_share_id_to_phone_pk" PRIMARY KEY("merchant_id","share_id","to_phone")
);
--> statement-breakpoint
CREATE TABLE "wallet_shares" (
	"merchant_id" text NOT NULL,
	"id" text NOT NULL,
	"token_hash" text NOT NULL,
	"claim_id" text NOT NULL,
	"from_phone" text NOT NULL,
	"mode" text NOT NULL,
	"hop" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"ended_at" bigint,
	"for_phone" text,
	CONSTRAINT "wallet_shares_merchant_id_id_pk" PRIMARY KEY("merchant_id","id")
);
--> statement-breakpoint
ALTER TABLE "wallet_claims" ADD COLUMN "source" text DEFAULT 'claim' NOT NULL;--> statement-breakpoint
ALTER TABLE "wallet_claims" ADD COLUMN "hop" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "wallet_claims" ADD COLUMN "parent_claim_id" text;--> statement-breakpoint
ALTER TABLE "wallet_claims" ADD COLUMN "shares_used" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "wallet_claims" ADD COLUMN "transferred_at" bigint;--> statement-breakpoint
ALTER TABLE "wallet_templates" ADD COLUMN "share" jsonb DEFAULT '{"mode":"none","maxShares":null,"totalIssueLimit":null,"issuedCount":0}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "wallet_templates" ADD COLUMN "shared_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "consumer_places" ADD CONSTRAINT "consumer_places_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_ask_targets" ADD CONSTRAINT "wallet_ask_targets_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_asks" ADD CONSTRAINT "wallet_asks_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_share_accepts" ADD CONSTRAINT "wallet_share_accepts_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_shares" ADD CONSTRAINT "wallet_shares_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wallet_ask_targets_holder_idx" ON "wallet_ask_targets" USING btree ("merchant_id","holder_phone","status");--> statement-breakpoint
CREATE INDEX "wallet_asks_asker_idx" ON "wallet_asks" USING btree ("merchant_id","asker_phone","created_at");--> statement-breakpoint
CREATE INDEX "wallet_share_accepts_template_idx" ON "wallet_share_accepts" USING btree ("merchant_id","template_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_shares_token_unique" ON "wallet_shares" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "wallet_shares_claim_idx" ON "wallet_shares" USING btree ("merchant_id","claim_id");