-- 011_narrow_varchar
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changes column users.name from character varying(200) to character varying(50): longer values are cut or rejected
--
-- Changes:
--   modify column users.name: type character varying(200) → character varying(50)

-- +retort Upgrade
ALTER TABLE "users" ALTER COLUMN "name" TYPE character varying(50);

-- +retort Downgrade
ALTER TABLE "users" ALTER COLUMN "name" TYPE character varying(200);
