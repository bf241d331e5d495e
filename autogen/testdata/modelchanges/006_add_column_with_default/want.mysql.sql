-- 006_add_column_with_default
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops column users.status: its data is lost
-- Downgrade WARNING: drops column users.score: its data is lost
-- Downgrade WARNING: drops column users.active: its data is lost
--
-- Changes:
--   add column users.status varchar(20) NOT NULL DEFAULT 'active'
--   add column users.score bigint NOT NULL DEFAULT 0
--   add column users.active bool NOT NULL DEFAULT 1

-- +retort Upgrade
ALTER TABLE `users` ADD COLUMN `status` varchar(20) NOT NULL DEFAULT 'active', ADD COLUMN `score` bigint NOT NULL DEFAULT 0, ADD COLUMN `active` bool NOT NULL DEFAULT 1, ALGORITHM=INSTANT;

-- +retort Downgrade
ALTER TABLE `users` DROP COLUMN `status`, DROP COLUMN `score`, DROP COLUMN `active`, ALGORITHM=INSTANT;
