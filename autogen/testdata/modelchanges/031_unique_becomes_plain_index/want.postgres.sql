-- 031_unique_becomes_plain_index
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: changes unique index idx_email on users to (email): the downgrade fails if existing rows hold duplicates
--
-- Changes:
--   change index idx_email on users to (email)

-- +retort Upgrade NoTransaction
DROP INDEX CONCURRENTLY "idx_email";
CREATE INDEX CONCURRENTLY "idx_email" ON "users" ("email");

-- +retort Downgrade NoTransaction
DROP INDEX CONCURRENTLY "idx_email";
CREATE UNIQUE INDEX CONCURRENTLY "idx_email" ON "users" ("email");
