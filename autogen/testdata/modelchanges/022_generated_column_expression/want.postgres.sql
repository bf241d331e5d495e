-- 022_generated_column_expression
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   drop column items.total
--   add column items.total numeric(12,2) GENERATED AS ((price * (qty)::numeric) + (1)::numeric)

-- +retort Upgrade
ALTER TABLE "items" DROP COLUMN "total", ADD COLUMN "total" numeric(12,2) NULL GENERATED ALWAYS AS ((price * (qty)::numeric) + (1)::numeric) STORED;

-- +retort Downgrade
ALTER TABLE "items" DROP COLUMN "total", ADD COLUMN "total" numeric(12,2) NULL GENERATED ALWAYS AS (price * (qty)::numeric) STORED;
