-- 029_index_column_order_changed
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   change index idx_name on users to (last, first)

-- +retort Upgrade
ALTER TABLE `users` DROP INDEX `idx_name`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `users` ADD INDEX `idx_name` (`last`, `first`), ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
ALTER TABLE `users` DROP INDEX `idx_name`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `users` ADD INDEX `idx_name` (`first`, `last`), ALGORITHM=INPLACE, LOCK=NONE;
