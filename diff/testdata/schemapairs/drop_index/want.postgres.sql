-- changes
-- drop index idx_users_name on users

-- warnings

-- notes

-- upgrade (no transaction)
DROP INDEX CONCURRENTLY "idx_users_name";

-- downgrade (no transaction)
CREATE INDEX CONCURRENTLY "idx_users_name" ON "users" ("name");

