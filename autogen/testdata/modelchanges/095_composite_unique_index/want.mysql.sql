-- 095_composite_unique_index
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: adds unique index idx_full_name on users (first, last): the upgrade fails if existing rows hold duplicates, and building it scans (and may lock) the table
--
-- Changes:
--   add unique index idx_full_name on users (first, last)

-- +retort Upgrade
ALTER TABLE `users` ADD UNIQUE INDEX `idx_full_name` (`first`, `last`), ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
ALTER TABLE `users` DROP INDEX `idx_full_name`, ALGORITHM=INPLACE, LOCK=NONE;
