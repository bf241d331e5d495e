CREATE TABLE "plans" ("id" bigserial NOT NULL, "name" character varying(64) NOT NULL, "price" numeric NULL, "internal" text NULL, PRIMARY KEY ("id"));
COMMENT ON COLUMN "plans"."id" IS 'surrogate key';
COMMENT ON COLUMN "plans"."name" IS 'shown to customers';
COMMENT ON COLUMN "plans"."price" IS 'monthly price, in euros';
COMMENT ON COLUMN "plans"."internal" IS 'it''s for staff only';
