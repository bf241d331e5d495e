-- Add email to users
--
-- Revision ID: 3f2a9c1b7d4e
-- Revises: 1a2b3c4d5e6f
-- Create Date: 2026-11-25T12:30:00Z
-- Depends On: abcdef012345
-- Branch Labels: billing
-- WARNING: drops column users.legacy: its data is lost
-- Downgrade WARNING: drops column users.email: its data is lost
--
-- Changes:
--   add column users.email varchar(255) NOT NULL DEFAULT ''
-- Note: view active_users is not managed by retort

-- +retort Upgrade
ALTER TABLE `users` ADD COLUMN `email` varchar(255) NOT NULL DEFAULT '';
ALTER TABLE `users` DROP COLUMN `legacy`;

-- +retort Downgrade
ALTER TABLE `users` ADD COLUMN `legacy` int NULL;
ALTER TABLE `users` DROP COLUMN `email`;
