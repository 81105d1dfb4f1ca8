CREATE TABLE "checkin_tasks" (
	"merchant_id" text NOT NULL,
	"id" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"target" jsonb NOT NULL,
	"target_name" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"radius_m" integer NOT NULL,
	"starts_at" bigint NOT NULL,
	"deadline_at" bigint NOT NULL,
	"reward" jsonb NOT NULL,
	"reward_fen" integer NOT NULL,
	"places" integer NOT NULL,
	"per_person" integer NOT NULL,
	"on_site_required" boolean NOT NULL,
	"status" text NOT NULL,
	"secret" text NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"published_at" bigint,
	"closed_at" bigint,
	CONSTRAINT "checkin_tasks_merchant_id_id_pk" PRIMARY KEY("merchant_id","id")
);
--> statement-breakpoint
CREATE TABLE "task_fixes" (
	"merchant_id" text NOT NULL,
	"order_id" text NOT NULL,
	"at" bigint NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"accuracy" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_orders" (
	"merchant_id" text NOT NULL,
	"id" text NOT NULL,
	"task_id" text NOT NULL,
	"phone" text NOT NULL,
	"n" integer NOT NULL,
	"state" text NOT NULL,
	"mode" text DEFAULT 'walking' NOT NULL,
	"estimated_arrival_at" bigint,
	"late_risk" boolean DEFAULT false NOT NULL,
	"distance_m" integer,
	"flagged" boolean DEFAULT false NOT NULL,
	"coarse_lat" double precision,
	"coarse_lng" double precision,
	"reward_claim_id" text,
	"accepted_at" bigint NOT NULL,
	"checked_in_at" bigint,
	"verified_at" bigint,
	"lapsed_at" bigint,
	CONSTRAINT "task_orders_merchant_id_id_pk" PRIMARY KEY("merchant_id","id")
);
--> statement-breakpoint
CREATE TABLE "task_payments" (
	"merchant_id" text NOT NULL,
	"id" text NOT NULL,
	"task_id" text NOT NULL,
	"provider" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"reference" text NOT NULL,
	"created_at" bigint NOT NULL,
	"confirmed_at" bigint,
	CONSTRAINT "task_payments_merchant_id_id_pk" PRIMARY KEY("merchant_id","id")
);
--> statement-breakpoint
CREATE TABLE "task_pool_entries" (
	"merchant_id" text NOT NULL,
	"id" text NOT NULL,
	"task_id" text NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"order_id" text,
	"payment_id" text,
	"at" bigint NOT NULL,
	CONSTRAINT "task_pool_entries_merchant_id_id_pk" PRIMARY KEY("merchant_id","id")
);
--> statement-breakpoint
CREATE TABLE "task_pools" (
	"merchant_id" text NOT NULL,
	"task_id" text NOT NULL,
	"funded" bigint DEFAULT 0 NOT NULL,
	"available" bigint DEFAULT 0 NOT NULL,
	"reserved" bigint DEFAULT 0 NOT NULL,
	"released" bigint DEFAULT 0 NOT NULL,
	"refunded" bigint DEFAULT 0 NOT NULL,
	"places_left" integer NOT NULL,
	CONSTRAINT "task_pools_merchant_id_task_id_pk" PRIMARY KEY("merchant_id","task_id")
);
--> statement-breakpoint
ALTER TABLE "checkin_tasks" ADD CONSTRAINT "checkin_tasks_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_fixes" ADD CONSTRAINT "task_fixes_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_orders" ADD CONSTRAINT "task_orders_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_payments" ADD CONSTRAINT "task_payments_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_pool_entries" ADD CONSTRAINT "task_pool_entries_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_pools" ADD CONSTRAINT "task_pools_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkin_tasks_status_idx" ON "checkin_tasks" USING btree ("merchant_id","status","deadline_at");--> statement-breakpoint
CREATE INDEX "task_fixes_order_idx" ON "task_fixes" USING btree ("merchant_id","order_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "task_orders_per_person" ON "task_orders" USING btree ("merchant_id","task_id","phone","n");--> statement-breakpoint
CREATE INDEX "task_orders_task_idx" ON "task_orders" USING btree ("merchant_id","task_id","state");--> statement-breakpoint
CREATE INDEX "task_orders_phone_idx" ON "task_orders" USING btree ("merchant_id","phone");--> statement-breakpoint
CREATE INDEX "task_pool_entries_task_idx" ON "task_pool_entries" USING btree ("merchant_id","task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_pool_entries_order_unique" ON "task_pool_entries" USING btree ("merchant_id","order_id","kind");