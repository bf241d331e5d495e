-- changes
-- add index idx_users_name on users (name DESC)

-- warnings

-- notes

-- upgrade (no transaction)
CREATE INDEX CONCURRENTLY "idx_users_name" ON "users" ("name" DESC);

-- downgrade (no transaction)
DROP INDEX CONCURRENTLY "idx_users_name";

