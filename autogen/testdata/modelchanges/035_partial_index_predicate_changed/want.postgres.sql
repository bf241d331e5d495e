-- 035_partial_index_predicate_changed
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   change index idx_active on accounts to (email) WHERE ((status)::text <> 'closed'::text)

-- +retort Upgrade NoTransaction
DROP INDEX CONCURRENTLY "idx_active";
CREATE INDEX CONCURRENTLY "idx_active" ON "accounts" ("email") WHERE ((status)::text <> 'closed'::text);

-- +retort Downgrade NoTransaction
DROP INDEX CONCURRENTLY "idx_active";
CREATE INDEX CONCURRENTLY "idx_active" ON "accounts" ("email") WHERE ((status)::text = 'active'::text);
