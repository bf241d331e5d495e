-- 032_add_unique_constraint
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: adds unique index users_email on users (email): the upgrade fails if existing rows hold duplicates, and building it scans (and may lock) the table
--
-- Changes:
--   add unique index users_email on users (email)

-- +retort Upgrade
CREATE UNIQUE INDEX `users_email` ON `users` (`email`);

-- +retort Downgrade
DROP INDEX `users_email`;
