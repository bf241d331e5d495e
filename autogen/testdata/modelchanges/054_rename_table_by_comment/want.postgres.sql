-- 054_rename_table_by_comment
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   rename table users to members

-- +retort Upgrade
ALTER TABLE "users" RENAME TO "members";

-- +retort Downgrade
ALTER TABLE "members" RENAME TO "users";
