-- 034_partial_index
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: adds unique index idx_live_email on accounts (email) WHERE (deleted_at IS NULL): the upgrade fails if existing rows hold duplicates, and building it scans (and may lock) the table
--
-- Changes:
--   add unique index idx_live_email on accounts (email) WHERE (deleted_at IS NULL)

-- +retort Upgrade
CREATE UNIQUE INDEX `idx_live_email` ON `accounts` (`email`) WHERE deleted_at IS NULL;

-- +retort Downgrade
DROP INDEX `idx_live_email`;
