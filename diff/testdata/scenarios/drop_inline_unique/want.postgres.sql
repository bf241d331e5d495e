-- changes
-- drop unique index uni_users_email on users

-- warnings

-- notes

-- upgrade
ALTER TABLE "users" DROP CONSTRAINT "uni_users_email";

-- downgrade
ALTER TABLE "users" ADD CONSTRAINT "uni_users_email" UNIQUE ("email");

