-- 026_add_index
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   add index idx_users_email on users (email)

-- +retort Upgrade
CREATE INDEX `idx_users_email` ON `users` (`email`);

-- +retort Downgrade
DROP INDEX `idx_users_email`;
