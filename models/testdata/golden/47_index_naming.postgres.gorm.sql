CREATE TABLE "products" ("id" bigserial NOT NULL, "sku_code" character varying(32) NULL, "LegacyName" character varying(32) NULL, "ext_ref" character varying(20) NULL, "stock" bigint NULL, "archive_deleted_at" timestamptz NULL, "archive_note" character varying(50) NULL, "review_deleted_at" timestamptz NULL, "review_note" character varying(50) NULL, PRIMARY KEY ("id"), CONSTRAINT "uni_products_ext_ref" UNIQUE ("ext_ref"), CONSTRAINT "chk_products_stock" CHECK (stock >= 0));
CREATE INDEX "idx_products_deleted_at" ON "products" ("archive_deleted_at", "review_deleted_at");
CREATE UNIQUE INDEX "idx_products_legacy" ON "products" ("LegacyName");
CREATE INDEX "idx_products_sku" ON "products" ("sku_code");
