-- 105_excluded_table
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops column users.email: its data is lost
--
-- Changes:
--   add column users.email character varying(100)

-- +retort Upgrade
ALTER TABLE "users" ADD COLUMN "email" character varying(100) NULL;

-- +retort Downgrade
ALTER TABLE "users" DROP COLUMN "email";
