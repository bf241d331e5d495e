-- changes
-- drop check chk_users_name on users: ((name)::text <> ''::text)

-- warnings

-- notes

-- upgrade
ALTER TABLE "users" DROP CONSTRAINT "chk_users_name";

-- downgrade (no transaction)
ALTER TABLE "users" ADD CONSTRAINT "chk_users_name" CHECK ((name)::text <> ''::text) NOT VALID;
ALTER TABLE "users" VALIDATE CONSTRAINT "chk_users_name";

