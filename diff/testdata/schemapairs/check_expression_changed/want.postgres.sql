-- changes
-- change check chk_users_name on users to: ((name)::text <> 'nobody'::text)

-- warnings
-- changes check chk_users_name on users (((name)::text <> 'nobody'::text)): the upgrade fails if a row breaks it

-- notes

-- upgrade (no transaction)
ALTER TABLE "users" DROP CONSTRAINT "chk_users_name";
ALTER TABLE "users" ADD CONSTRAINT "chk_users_name" CHECK ((name)::text <> 'nobody'::text) NOT VALID;
ALTER TABLE "users" VALIDATE CONSTRAINT "chk_users_name";

-- downgrade (no transaction)
ALTER TABLE "users" DROP CONSTRAINT "chk_users_name";
ALTER TABLE "users" ADD CONSTRAINT "chk_users_name" CHECK ((name)::text <> ''::text) NOT VALID;
ALTER TABLE "users" VALIDATE CONSTRAINT "chk_users_name";

