-- 023_add_bool_and_time_columns
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops column users.admin: its data is lost
-- Downgrade WARNING: drops column users.last_seen: its data is lost
-- Downgrade WARNING: drops column users.created_at: its data is lost
--
-- Changes:
--   add column users.admin bool NOT NULL DEFAULT 0
--   add column users.last_seen datetime(3)
--   add column users.created_at datetime(3)

-- +retort Upgrade
ALTER TABLE `users` ADD COLUMN `admin` bool NOT NULL DEFAULT 0, ADD COLUMN `last_seen` datetime(3) NULL, ADD COLUMN `created_at` datetime(3) NULL, ALGORITHM=INSTANT;

-- +retort Downgrade
ALTER TABLE `users` DROP COLUMN `admin`, DROP COLUMN `last_seen`, DROP COLUMN `created_at`, ALGORITHM=INSTANT;
