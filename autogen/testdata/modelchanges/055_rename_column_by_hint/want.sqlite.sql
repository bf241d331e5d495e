-- 055_rename_column_by_hint
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   rename column users.name to full_name

-- +retort Upgrade
ALTER TABLE `users` RENAME COLUMN `name` TO `full_name`;

-- +retort Downgrade
ALTER TABLE `users` RENAME COLUMN `full_name` TO `name`;
