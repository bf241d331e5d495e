-- 027_drop_index
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   drop index idx_users_email on users

-- +retort Upgrade
DROP INDEX `idx_users_email`;

-- +retort Downgrade
CREATE INDEX `idx_users_email` ON `users` (`email`);
