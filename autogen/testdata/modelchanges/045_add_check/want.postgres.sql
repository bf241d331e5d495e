-- 045_add_check
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: adds check chk_price on products ((price > 0)): the upgrade fails if a row breaks it
--
-- Changes:
--   add check chk_price on products: (price > 0)

-- +retort Upgrade NoTransaction
ALTER TABLE "products" ADD CONSTRAINT "chk_price" CHECK (price > 0) NOT VALID;
ALTER TABLE "products" VALIDATE CONSTRAINT "chk_price";

-- +retort Downgrade
ALTER TABLE "products" DROP CONSTRAINT "chk_price";
