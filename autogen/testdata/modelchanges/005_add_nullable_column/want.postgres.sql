-- 005_add_nullable_column
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops column users.nickname: its data is lost
--
-- Changes:
--   add column users.nickname character varying(50)

-- +retort Upgrade
ALTER TABLE "users" ADD COLUMN "nickname" character varying(50) NULL;

-- +retort Downgrade
ALTER TABLE "users" DROP COLUMN "nickname";
