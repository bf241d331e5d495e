-- 100_drop_indexed_column
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: drops column users.first: its data is lost
--
-- Changes:
--   drop column users.first
--   drop index idx_name on users
--   drop index idx_users_first on users

-- +retort Upgrade
ALTER TABLE `users` DROP INDEX `idx_name`, DROP INDEX `idx_users_first`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `users` DROP COLUMN `first`, ALGORITHM=INSTANT;

-- +retort Downgrade
ALTER TABLE `users` ADD COLUMN `first` varchar(50) NULL, ALGORITHM=INSTANT;
ALTER TABLE `users` ADD INDEX `idx_name` (`first`, `last`), ADD INDEX `idx_users_first` (`first`), ALGORITHM=INPLACE, LOCK=NONE;
