-- 057_possible_column_rename
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: drops column users.name: its data is lost
-- WARNING: column users.name is dropped and users.full_name added with the same type: if it is a rename, run again with --rename users.name=full_name, or tag the field retort:"renamed_from:name"
-- Downgrade WARNING: drops column users.full_name: its data is lost
--
-- Changes:
--   drop column users.name
--   add column users.full_name character varying(100) NOT NULL DEFAULT ''

-- +retort Upgrade
ALTER TABLE "users" DROP COLUMN "name", ADD COLUMN "full_name" character varying(100) NOT NULL DEFAULT '';

-- +retort Downgrade
ALTER TABLE "users" DROP COLUMN "full_name", ADD COLUMN "name" character varying(100) NOT NULL DEFAULT '';
ALTER TABLE "users" ALTER COLUMN "name" DROP DEFAULT;
