-- 076_add_generated_column
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   add column items.total decimal(12,2) GENERATED AS (`price` * `qty`)

-- +retort Upgrade
ALTER TABLE `items` ADD COLUMN `total` decimal(12,2) AS (`price` * `qty`) STORED;

-- +retort Downgrade
ALTER TABLE `items` DROP COLUMN `total`;
