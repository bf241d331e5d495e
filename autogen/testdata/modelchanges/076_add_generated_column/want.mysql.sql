-- 076_add_generated_column
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: adding the stored generated column items.total copies table items with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   add column items.total decimal(12,2) GENERATED AS (`price` * `qty`)

-- +retort Upgrade
ALTER TABLE `items` ADD COLUMN `total` decimal(12,2) AS (`price` * `qty`) STORED;

-- +retort Downgrade
ALTER TABLE `items` DROP COLUMN `total`, ALGORITHM=INSTANT;
