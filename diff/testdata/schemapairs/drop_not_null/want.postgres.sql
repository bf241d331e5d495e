-- changes
-- modify column users.name: NOT NULL → NULL

-- warnings

-- notes

-- upgrade
ALTER TABLE "users" ALTER COLUMN "name" DROP NOT NULL;

-- downgrade (no transaction)
ALTER TABLE "users" ADD CONSTRAINT "chk_users_name_not_null" CHECK ("name" IS NOT NULL) NOT VALID;
ALTER TABLE "users" VALIDATE CONSTRAINT "chk_users_name_not_null";
ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;
ALTER TABLE "users" DROP CONSTRAINT "chk_users_name_not_null";

