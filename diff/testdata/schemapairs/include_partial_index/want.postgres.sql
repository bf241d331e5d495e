-- changes
-- add index idx_users_name_a on users (name) WHERE ((name)::text > 'a'::text)

-- warnings

-- notes

-- upgrade (no transaction)
CREATE INDEX CONCURRENTLY "idx_users_name_a" ON "users" ("name") WHERE ((name)::text > 'a'::text);

-- downgrade (no transaction)
DROP INDEX CONCURRENTLY "idx_users_name_a";

