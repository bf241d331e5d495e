-- 077_drop_unique_constraint
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   drop unique index sqlite_autoindex_users_1 on users

-- +retort Upgrade
DROP INDEX `users_email`;

-- +retort Downgrade
CREATE UNIQUE INDEX `users_email` ON `users` (`email`);
