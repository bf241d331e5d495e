-- 094_pg_gin_index
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   add index idx_tags on docs (tags)

-- +retort Upgrade
CREATE INDEX "idx_tags" ON "docs" USING gin ("tags");

-- +retort Downgrade
DROP INDEX "idx_tags";
