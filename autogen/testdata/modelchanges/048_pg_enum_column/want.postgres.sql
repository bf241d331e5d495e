-- 048_pg_enum_column
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops column people.mood: its data is lost
--
-- Changes:
--   add column people.mood mood DEFAULT 'happy'

-- +retort Upgrade
ALTER TABLE "people" ADD COLUMN "mood" "mood" NULL DEFAULT 'happy';

-- +retort Downgrade
ALTER TABLE "people" DROP COLUMN "mood";
