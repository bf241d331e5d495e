-- 029_index_column_order_changed
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   change index idx_name on users to (last, first)

-- +retort Upgrade NoTransaction
DROP INDEX CONCURRENTLY "idx_name";
CREATE INDEX CONCURRENTLY "idx_name" ON "users" ("last", "first");

-- +retort Downgrade NoTransaction
DROP INDEX CONCURRENTLY "idx_name";
CREATE INDEX CONCURRENTLY "idx_name" ON "users" ("first", "last");
