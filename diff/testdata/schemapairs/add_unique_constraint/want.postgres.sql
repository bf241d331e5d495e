-- changes
-- add unique index uni_users_name on users (name)

-- warnings
-- adds unique index uni_users_name on users (name): the upgrade fails if existing rows hold duplicates, and building it scans (and may lock) the table

-- notes

-- upgrade (no transaction)
CREATE UNIQUE INDEX CONCURRENTLY "uni_users_name" ON "users" ("name");
ALTER TABLE "users" ADD CONSTRAINT "uni_users_name" UNIQUE USING INDEX "uni_users_name";

-- downgrade
ALTER TABLE "users" DROP CONSTRAINT "uni_users_name";

