-- 036_expression_index
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   add index idx_lower_email on users (lower((email)::text))

-- +retort Upgrade NoTransaction
CREATE INDEX CONCURRENTLY "idx_lower_email" ON "users" ((lower((email)::text)));

-- +retort Downgrade NoTransaction
DROP INDEX CONCURRENTLY "idx_lower_email";
