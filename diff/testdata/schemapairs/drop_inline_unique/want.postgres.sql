-- changes
-- drop unique index uni_users_email on users

-- warnings

-- notes

-- upgrade
ALTER TABLE "users" DROP CONSTRAINT "uni_users_email";

-- downgrade (no transaction)
CREATE UNIQUE INDEX CONCURRENTLY "uni_users_email" ON "users" ("email");
ALTER TABLE "users" ADD CONSTRAINT "uni_users_email" UNIQUE USING INDEX "uni_users_email";

