-- 007_drop_column
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: drops column users.name: its data is lost
--
-- Changes:
--   drop column users.name

-- +retort Upgrade
ALTER TABLE "users" DROP COLUMN "name";

-- +retort Downgrade
ALTER TABLE "users" ADD COLUMN "name" character varying(100) NOT NULL DEFAULT '';
ALTER TABLE "users" ALTER COLUMN "name" DROP DEFAULT;
