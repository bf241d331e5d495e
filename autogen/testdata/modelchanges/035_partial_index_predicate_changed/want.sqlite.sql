-- 035_partial_index_predicate_changed
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   change index idx_active on accounts to (email) WHERE (status <> 'closed')

-- +retort Upgrade
DROP INDEX `idx_active`;
CREATE INDEX `idx_active` ON `accounts` (`email`) WHERE status <> 'closed';

-- +retort Downgrade
DROP INDEX `idx_active`;
CREATE INDEX `idx_active` ON `accounts` (`email`) WHERE status = 'active';
