-- 057_possible_column_rename
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: drops column users.name: its data is lost
-- WARNING: column users.name is dropped and users.full_name added with the same type: if it is a rename, run again with --rename users.name=full_name, or tag the field retort:"renamed_from:name"
-- Downgrade WARNING: drops column users.full_name: its data is lost
-- Downgrade WARNING: adds column users.name NOT NULL without a default: the downgrade fails if users has rows
--
-- Changes:
--   drop column users.name
--   add column users.full_name varchar(100) NOT NULL DEFAULT ''

-- +retort Upgrade
ALTER TABLE `users` DROP COLUMN `name`, ADD COLUMN `full_name` varchar(100) NOT NULL DEFAULT '', ALGORITHM=INSTANT;

-- +retort Downgrade
ALTER TABLE `users` DROP COLUMN `full_name`, ADD COLUMN `name` varchar(100) NOT NULL, ALGORITHM=INSTANT;
