-- 022_generated_column_expression
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changing column items.total copies table items with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- Downgrade WARNING: changing column items.total copies table items with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   modify column items.total: generated expression

-- +retort Upgrade
ALTER TABLE `items` MODIFY COLUMN `total` decimal(12,2) AS (`price` * `qty` + 1) STORED;

-- +retort Downgrade
ALTER TABLE `items` MODIFY COLUMN `total` decimal(12,2) AS (`price` * `qty`) STORED;
