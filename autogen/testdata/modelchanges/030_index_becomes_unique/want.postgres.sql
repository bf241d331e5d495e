-- 030_index_becomes_unique
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changes unique index idx_email on users to (email): the upgrade fails if existing rows hold duplicates
--
-- Changes:
--   change unique index idx_email on users to (email)

-- +retort Upgrade NoTransaction
DROP INDEX CONCURRENTLY "idx_email";
CREATE UNIQUE INDEX CONCURRENTLY "idx_email" ON "users" ("email");

-- +retort Downgrade NoTransaction
DROP INDEX CONCURRENTLY "idx_email";
CREATE INDEX CONCURRENTLY "idx_email" ON "users" ("email");
