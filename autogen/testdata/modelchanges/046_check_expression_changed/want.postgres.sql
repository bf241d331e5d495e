-- 046_check_expression_changed
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changes check chk_price on products (((price >= 0) AND (price < 100000))): the upgrade fails if a row breaks it
-- Downgrade WARNING: changes check chk_price on products ((price > 0)): the downgrade fails if a row breaks it
--
-- Changes:
--   change check chk_price on products to: ((price >= 0) AND (price < 100000))

-- +retort Upgrade NoTransaction
ALTER TABLE "products" DROP CONSTRAINT "chk_price";
ALTER TABLE "products" ADD CONSTRAINT "chk_price" CHECK ((price >= 0) AND (price < 100000)) NOT VALID;
ALTER TABLE "products" VALIDATE CONSTRAINT "chk_price";

-- +retort Downgrade NoTransaction
ALTER TABLE "products" DROP CONSTRAINT "chk_price";
ALTER TABLE "products" ADD CONSTRAINT "chk_price" CHECK (price > 0) NOT VALID;
ALTER TABLE "products" VALIDATE CONSTRAINT "chk_price";
