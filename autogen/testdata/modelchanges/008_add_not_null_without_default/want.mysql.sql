-- 008_add_not_null_without_default
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: adds column users.code NOT NULL without a default: the upgrade fails if users has rows
-- Downgrade WARNING: drops column users.code: its data is lost
--
-- Changes:
--   add column users.code varchar(20) NOT NULL

-- +retort Upgrade
ALTER TABLE `users` ADD COLUMN `code` varchar(20) NOT NULL, ALGORITHM=INSTANT;

-- +retort Downgrade
ALTER TABLE `users` DROP COLUMN `code`, ALGORITHM=INSTANT;
