CREATE TABLE "accounts" ("id" bigserial NOT NULL, "email" character varying(191) NULL, "username" character varying(64) NULL, "phone" character varying(32) NULL, "tenant_id" bigint NULL, "slug" character varying(64) NULL, "referral" character varying(16) NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "uni_accounts_email" UNIQUE ("email"), CONSTRAINT "uni_accounts_referral" UNIQUE ("referral"));
CREATE UNIQUE INDEX "idx_accounts_username" ON "accounts" ("username");
CREATE UNIQUE INDEX "ux_accounts_phone" ON "accounts" ("phone");
CREATE UNIQUE INDEX "idx_tenant_slug" ON "accounts" ("tenant_id", "slug");
