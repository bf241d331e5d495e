-- changes
-- add unique index idx_users_name on users (name)

-- warnings
-- adds unique index idx_users_name on users (name): the upgrade fails if existing rows hold duplicates, and building it scans (and may lock) the table

-- notes

-- upgrade (no transaction)
CREATE UNIQUE INDEX CONCURRENTLY "idx_users_name" ON "users" ("name");

-- downgrade (no transaction)
DROP INDEX CONCURRENTLY "idx_users_name";

