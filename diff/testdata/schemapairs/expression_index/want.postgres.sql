-- changes
-- add index idx_users_lower_name on users (lower((name)::text))

-- warnings

-- notes

-- upgrade (no transaction)
CREATE INDEX CONCURRENTLY "idx_users_lower_name" ON "users" ((lower((name)::text)));

-- downgrade (no transaction)
DROP INDEX CONCURRENTLY "idx_users_lower_name";

