-- 076_add_generated_column
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   add column items.total numeric(12,2) GENERATED AS (price * (qty)::numeric)

-- +retort Upgrade
ALTER TABLE "items" ADD COLUMN "total" numeric(12,2) NULL GENERATED ALWAYS AS (price * (qty)::numeric) STORED;

-- +retort Downgrade
ALTER TABLE "items" DROP COLUMN "total";
