-- 097_rename_and_widen
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: changes column users.name from character varying(200) to character varying(100): longer values are cut or rejected
-- Downgrade WARNING: changing the type of column users.name from character varying(200) to character varying(100) rewrites table users with its reads and writes blocked until the rewrite ends (PostgreSQL has no online form for it): on a big, busy table add a new column, fill it in batches and switch to it instead
--
-- Changes:
--   rename column users.name to full_name
--   modify column users.full_name: type character varying(100) → character varying(200)

-- +retort Upgrade
ALTER TABLE "users" RENAME COLUMN "name" TO "full_name";
ALTER TABLE "users" ALTER COLUMN "full_name" TYPE character varying(200);

-- +retort Downgrade
ALTER TABLE "users" RENAME COLUMN "full_name" TO "name";
ALTER TABLE "users" ALTER COLUMN "name" TYPE character varying(100);
