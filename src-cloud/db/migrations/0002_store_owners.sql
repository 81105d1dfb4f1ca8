CREATE TABLE "store_owners" (
	"merchant_id" text NOT NULL,
	"store_id" text NOT NULL,
	"device_id" text NOT NULL,
	"since" bigint NOT NULL,
	CONSTRAINT "store_owners_merchant_id_store_id_pk" PRIMARY KEY("merchant_id","store_id")
);
--> statement-breakpoint
ALTER TABLE "store_owners" ADD CONSTRAINT "store_owners_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_owners" ADD CONSTRAINT "store_owners_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Stores that already have claims belong to the device of their first claim (kept by hand: regenerating this migration must keep it).
INSERT INTO "store_owners" ("merchant_id", "store_id", "device_id", "since")
SELECT DISTINCT ON ("merchant_id", "store_id") "merchant_id", "store_id", "device_id", "received_at"
FROM "coupon_claims" WHERE "device_id" IS NOT NULL
ORDER BY "merchant_id", "store_id", "claimed_at";
