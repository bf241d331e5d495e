-- changes
-- change check chk_users_name on users to: ((name)::text <> 'nobody'::text)

-- warnings
-- changes check chk_users_name on users (((name)::text <> 'nobody'::text)): the upgrade fails if a row breaks it

-- notes

-- upgrade
ALTER TABLE "users" DROP CONSTRAINT "chk_users_name", ADD CONSTRAINT "chk_users_name" CHECK ((name)::text <> 'nobody'::text);

-- downgrade
ALTER TABLE "users" DROP CONSTRAINT "chk_users_name", ADD CONSTRAINT "chk_users_name" CHECK ((name)::text <> ''::text);

