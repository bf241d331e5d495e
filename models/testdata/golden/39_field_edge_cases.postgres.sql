CREATE TABLE "customers" ("id" bigserial NOT NULL, "name" character varying(100) NULL, PRIMARY KEY ("id"));
CREATE TABLE "invoices" ("id" bigserial NOT NULL, "created_at" timestamptz NOT NULL, "version" bigint NULL DEFAULT 1, "issued_on" timestamptz NULL, "due_on" timestamptz NULL, "amount" text NULL, "tax" numeric(12,2) NULL, "discount" character varying(12) NULL, "LegacyRef" character varying(40) NULL, "customer_id" bigint NULL, "payer_id" bigint NULL, PRIMARY KEY ("id"));
CREATE INDEX "idx_invoices_created_at" ON "invoices" ("created_at");
