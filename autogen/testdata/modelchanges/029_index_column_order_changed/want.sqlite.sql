-- 029_index_column_order_changed
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   change index idx_name on users to (last, first)

-- +retort Upgrade
DROP INDEX `idx_name`;
CREATE INDEX `idx_name` ON `users` (`last`, `first`);

-- +retort Downgrade
DROP INDEX `idx_name`;
CREATE INDEX `idx_name` ON `users` (`first`, `last`);
