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
ALTER TABLE "wallet_share_accepts" ADD CONSTRAINT "wallet_share_accepts_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_shares" ADD CONSTRAINT "wallet_shares_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wallet_share_accepts_template_idx" ON "wallet_share_accepts" USING btree ("merchant_id","template_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_shares_token_unique" ON "wallet_shares" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "wallet_shares_claim_idx" ON "wallet_shares" USING btree ("merchant_id","claim_id");