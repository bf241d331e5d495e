-- 099_rename_table_with_indexes
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   rename table users to accounts

-- +retort Upgrade
ALTER TABLE "users" RENAME TO "accounts";

-- +retort Downgrade
ALTER TABLE "accounts" RENAME TO "users";
