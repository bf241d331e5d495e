-- 033_desc_index
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   add index idx_recent on users (first DESC, last)

-- +retort Upgrade
ALTER TABLE `users` ADD INDEX `idx_recent` (`first` DESC, `last`), ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
ALTER TABLE `users` DROP INDEX `idx_recent`, ALGORITHM=INPLACE, LOCK=NONE;
