-- 021_table_comment_removed
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   set comment of table users to ''

-- +retort Upgrade
COMMENT ON TABLE "users" IS '';

-- +retort Downgrade
COMMENT ON TABLE "users" IS 'people';
