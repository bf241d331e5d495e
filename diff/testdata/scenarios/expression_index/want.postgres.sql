-- changes
-- add index idx_users_lower_name on users (lower((name)::text))

-- warnings

-- notes

-- upgrade
CREATE INDEX "idx_users_lower_name" ON "users" ((lower((name)::text)));

-- downgrade
DROP INDEX "idx_users_lower_name";

