-- 077_drop_unique_constraint
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   drop unique index uni_users_email on users

-- +retort Upgrade
ALTER TABLE `users` DROP INDEX `uni_users_email`;

-- +retort Downgrade
ALTER TABLE `users` ADD UNIQUE INDEX `uni_users_email` (`email`);
