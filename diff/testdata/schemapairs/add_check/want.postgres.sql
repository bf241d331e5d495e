-- changes
-- add check chk_users_name on users: ((name)::text <> ''::text)

-- warnings
-- adds check chk_users_name on users (((name)::text <> ''::text)): the upgrade fails if a row breaks it

-- notes

-- upgrade (no transaction)
ALTER TABLE "users" ADD CONSTRAINT "chk_users_name" CHECK ((name)::text <> ''::text) NOT VALID;
ALTER TABLE "users" VALIDATE CONSTRAINT "chk_users_name";

-- downgrade
ALTER TABLE "users" DROP CONSTRAINT "chk_users_name";

