ALTER TABLE "consumer_otps" ADD COLUMN "address" text;--> statement-breakpoint
CREATE INDEX "consumer_otps_any_phone_idx" ON "consumer_otps" USING btree ("phone","created_at");--> statement-breakpoint
CREATE INDEX "consumer_otps_address_idx" ON "consumer_otps" USING btree ("address","created_at");--> statement-breakpoint
CREATE INDEX "consumer_otps_created_idx" ON "consumer_otps" USING btree ("created_at");