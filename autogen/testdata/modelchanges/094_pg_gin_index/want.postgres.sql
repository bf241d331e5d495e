-- 094_pg_gin_index
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   add index idx_tags on docs (tags)

-- +retort Upgrade NoTransaction
CREATE INDEX CONCURRENTLY "idx_tags" ON "docs" USING gin ("tags");

-- +retort Downgrade NoTransaction
DROP INDEX CONCURRENTLY "idx_tags";
