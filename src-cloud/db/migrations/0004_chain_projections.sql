CREATE TABLE "chain_stores" (
	"merchant_id" text NOT NULL,
	"store_id" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"code" text DEFAULT '' NOT NULL,
	"province_code" text DEFAULT '' NOT NULL,
	"city_code" text DEFAULT '' NOT NULL,
	"district_code" text DEFAULT '' NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"business_district" text,
	"timezone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" bigint DEFAULT 0 NOT NULL,
	"last_event_at" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "chain_stores_merchant_id_store_id_pk" PRIMARY KEY("merchant_id","store_id")
);
--> statement-breakpoint
CREATE TABLE "projection_state" (
	"name" text PRIMARY KEY NOT NULL,
	"built_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_daily" (
	"merchant_id" text NOT NULL,
	"store_id" text NOT NULL,
	"day" text NOT NULL,
	"sales_count" bigint DEFAULT 0 NOT NULL,
	"sales_fen" bigint DEFAULT 0 NOT NULL,
	"refunds_fen" bigint DEFAULT 0 NOT NULL,
	"redemption_count" bigint DEFAULT 0 NOT NULL,
	"discount_fen" bigint DEFAULT 0 NOT NULL,
	"cashback_issued_count" bigint DEFAULT 0 NOT NULL,
	"cashback_issued_fen" bigint DEFAULT 0 NOT NULL,
	"cashback_paid_count" bigint DEFAULT 0 NOT NULL,
	"cashback_paid_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "store_daily_merchant_id_store_id_day_pk" PRIMARY KEY("merchant_id","store_id","day")
);
--> statement-breakpoint
CREATE TABLE "store_stock" (
	"merchant_id" text NOT NULL,
	"store_id" text NOT NULL,
	"product_id" text NOT NULL,
	"sku" text,
	"qty" bigint NOT NULL,
	"rev" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "store_stock_merchant_id_store_id_product_id_pk" PRIMARY KEY("merchant_id","store_id","product_id")
);
--> statement-breakpoint
ALTER TABLE "sync_events" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "chain_stores" ADD CONSTRAINT "chain_stores_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_daily" ADD CONSTRAINT "store_daily_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_stock" ADD CONSTRAINT "store_stock_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "store_stock_rev_idx" ON "store_stock" USING btree ("merchant_id","rev","store_id","product_id");--> statement-breakpoint
CREATE INDEX "sync_events_entity_idx" ON "sync_events" USING btree ("merchant_id","kind","entity_id");