-- changes
-- drop column users.code
-- drop column users.born
-- drop column users.label

-- warnings
-- drops column users.code: its data is lost
-- drops column users.born: its data is lost
-- drops column users.label: its data is lost

-- notes

-- upgrade
ALTER TABLE "users" DROP COLUMN "code", DROP COLUMN "born", DROP COLUMN "label";

-- downgrade
ALTER TABLE "users" ADD COLUMN "code" integer NOT NULL DEFAULT 0, ADD COLUMN "born" date NOT NULL DEFAULT '1970-01-01', ADD COLUMN "label" character varying(20) NOT NULL DEFAULT '';
ALTER TABLE "users" ALTER COLUMN "code" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "born" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "label" DROP DEFAULT;

