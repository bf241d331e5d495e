-- changes
-- change index idx_users_name on users to (name)

-- warnings

-- notes

-- upgrade (no transaction)
DROP INDEX CONCURRENTLY "idx_users_name";
CREATE INDEX CONCURRENTLY "idx_users_name" ON "users" ("name");

-- downgrade (no transaction)
DROP INDEX CONCURRENTLY "idx_users_name";
CREATE UNIQUE INDEX CONCURRENTLY "idx_users_name" ON "users" ("name");

