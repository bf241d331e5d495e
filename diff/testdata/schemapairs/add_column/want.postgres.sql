-- changes
-- add column users.email character varying(255) NOT NULL DEFAULT ''

-- warnings

-- notes

-- upgrade
ALTER TABLE "users" ADD COLUMN "email" character varying(255) NOT NULL DEFAULT '';

-- downgrade
ALTER TABLE "users" DROP COLUMN "email";

