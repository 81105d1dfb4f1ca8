CREATE TABLE "sms_breaker" (
	"id" text PRIMARY KEY NOT NULL,
	"paused_until" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_buckets" (
	"limiter" text NOT NULL,
	"key" text NOT NULL,
	"tokens" double precision NOT NULL,
	"at" bigint NOT NULL,
	"taken" boolean NOT NULL,
	CONSTRAINT "rate_buckets_limiter_key_pk" PRIMARY KEY("limiter","key")
);
