CREATE TABLE "job_leases" (
	"deployment" text NOT NULL,
	"job" text NOT NULL,
	"holder" text NOT NULL,
	"until" bigint NOT NULL,
	CONSTRAINT "job_leases_deployment_job_pk" PRIMARY KEY("deployment","job")
);
