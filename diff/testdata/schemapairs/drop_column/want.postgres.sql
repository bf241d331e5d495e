-- changes
-- drop column users.nickname

-- warnings
-- drops column users.nickname: its data is lost

-- notes

-- upgrade
ALTER TABLE "users" DROP COLUMN "nickname";

-- downgrade
ALTER TABLE "users" ADD COLUMN "nickname" character varying(50) NULL;

