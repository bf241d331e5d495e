-- 100_drop_indexed_column
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: drops column users.first: its data is lost
--
-- Changes:
--   drop column users.first
--   drop index idx_name on users
--   drop index idx_users_first on users

-- +retort Upgrade NoTransaction
DROP INDEX CONCURRENTLY "idx_name";
DROP INDEX CONCURRENTLY "idx_users_first";
ALTER TABLE "users" DROP COLUMN "first";

-- +retort Downgrade NoTransaction
ALTER TABLE "users" ADD COLUMN "first" character varying(50) NULL;
CREATE INDEX CONCURRENTLY "idx_name" ON "users" ("first", "last");
CREATE INDEX CONCURRENTLY "idx_users_first" ON "users" ("first");
