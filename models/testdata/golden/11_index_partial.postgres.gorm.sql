CREATE TABLE "customers" ("id" bigserial NOT NULL, "email" character varying(191) NULL, "deleted_at" timestamptz NULL, PRIMARY KEY ("id"));
CREATE INDEX "idx_customers_deleted_at" ON "customers" ("deleted_at");
CREATE UNIQUE INDEX "idx_customers_email_live" ON "customers" ("email") WHERE (deleted_at IS NULL);
CREATE TABLE "jobs" ("id" bigserial NOT NULL, "queue" character varying(64) NULL, "run_at" timestamptz NULL, "finished_at" timestamptz NULL, PRIMARY KEY ("id"));
CREATE INDEX "idx_jobs_pending" ON "jobs" ("queue", "run_at") WHERE (finished_at IS NULL);
