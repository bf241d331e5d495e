-- 083_rename_indexed_column
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   rename column users.email to address

-- +retort Upgrade
ALTER TABLE "users" RENAME COLUMN "email" TO "address";

-- +retort Downgrade
ALTER TABLE "users" RENAME COLUMN "address" TO "email";
