-- 007_drop_column
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: drops column users.name: its data is lost
-- Downgrade WARNING: adds column users.name NOT NULL without a default: the downgrade fails if users has rows
--
-- Changes:
--   drop column users.name

-- +retort Upgrade
ALTER TABLE `users` DROP COLUMN `name`, ALGORITHM=INSTANT;

-- +retort Downgrade
ALTER TABLE `users` ADD COLUMN `name` varchar(100) NOT NULL, ALGORITHM=INSTANT;
