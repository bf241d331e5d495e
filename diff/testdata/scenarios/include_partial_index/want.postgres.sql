-- changes
-- add index idx_users_name_a on users (name)

-- warnings

-- notes

-- upgrade
CREATE INDEX "idx_users_name_a" ON "users" ("name") WHERE ((name)::text > 'a'::text);

-- downgrade
DROP INDEX "idx_users_name_a";

