-- 092_column_comment_removed
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   modify column users.name: comment 'the name' → none

-- +retort Upgrade
COMMENT ON COLUMN "users"."name" IS '';

-- +retort Downgrade
COMMENT ON COLUMN "users"."name" IS 'the name';
