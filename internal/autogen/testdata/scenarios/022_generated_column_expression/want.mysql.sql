-- 022_generated_column_expression
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   modify column items.total: generated expression

-- +retort Upgrade
ALTER TABLE `items` MODIFY COLUMN `total` decimal(12,2) AS (`price` * `qty` + 1) STORED;

-- +retort Downgrade
ALTER TABLE `items` MODIFY COLUMN `total` decimal(12,2) AS (`price` * `qty`) STORED;
