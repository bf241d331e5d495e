-- 098_pg_enum_column_dropped
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: drops column people.mood: its data is lost
--
-- Changes:
--   drop enum type mood
--   drop column people.mood

-- +retort Upgrade
ALTER TABLE "people" DROP COLUMN "mood";
DROP TYPE "mood";

-- +retort Downgrade
CREATE TYPE "mood" AS ENUM ('happy', 'sad');
ALTER TABLE "people" ADD COLUMN "mood" "mood" NOT NULL DEFAULT 'happy';
