-- 030_index_becomes_unique
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changes unique index idx_email on users to (email): the upgrade fails if existing rows hold duplicates
--
-- Changes:
--   change unique index idx_email on users to (email)

-- +retort Upgrade
ALTER TABLE `users` DROP INDEX `idx_email`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `users` ADD UNIQUE INDEX `idx_email` (`email`), ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
ALTER TABLE `users` DROP INDEX `idx_email`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `users` ADD INDEX `idx_email` (`email`), ALGORITHM=INPLACE, LOCK=NONE;
