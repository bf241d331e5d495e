-- 033_desc_index
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   add index idx_recent on users (first DESC, last)

-- +retort Upgrade
CREATE INDEX `idx_recent` ON `users` (`first` DESC, `last`);

-- +retort Downgrade
DROP INDEX `idx_recent`;
