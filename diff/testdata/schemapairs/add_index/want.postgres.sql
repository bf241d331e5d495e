-- changes
-- add index idx_users_name on users (name)

-- warnings

-- notes

-- upgrade (no transaction)
CREATE INDEX CONCURRENTLY "idx_users_name" ON "users" ("name");

-- downgrade (no transaction)
DROP INDEX CONCURRENTLY "idx_users_name";

