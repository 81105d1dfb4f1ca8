CREATE TABLE "published_strategies" (
	"merchant_id" text NOT NULL,
	"store_id" text NOT NULL,
	"product_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"sku" text NOT NULL,
	"product_name" text NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"price_fen" bigint NOT NULL,
	"pay_permille" integer,
	"discounted_price_fen" bigint,
	"coupon_template_id" text,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "published_strategies_merchant_id_store_id_product_id_kind_pk" PRIMARY KEY("merchant_id","store_id","product_id","kind")
);
--> statement-breakpoint
ALTER TABLE "published_strategies" ADD CONSTRAINT "published_strategies_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "published_strategies_live_idx" ON "published_strategies" USING btree ("merchant_id","status");