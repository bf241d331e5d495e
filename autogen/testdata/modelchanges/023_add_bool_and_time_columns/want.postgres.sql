-- 023_add_bool_and_time_columns
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops column users.admin: its data is lost
-- Downgrade WARNING: drops column users.last_seen: its data is lost
-- Downgrade WARNING: drops column users.created_at: its data is lost
--
-- Changes:
--   add column users.admin boolean NOT NULL DEFAULT false
--   add column users.last_seen timestamptz
--   add column users.created_at timestamptz

-- +retort Upgrade
ALTER TABLE "users" ADD COLUMN "admin" boolean NOT NULL DEFAULT false, ADD COLUMN "last_seen" timestamptz NULL, ADD COLUMN "created_at" timestamptz NULL;

-- +retort Downgrade
ALTER TABLE "users" DROP COLUMN "admin", DROP COLUMN "last_seen", DROP COLUMN "created_at";
