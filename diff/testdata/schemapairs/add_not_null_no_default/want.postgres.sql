-- changes
-- add column users.age integer NOT NULL

-- warnings
-- adds column users.age NOT NULL without a default: the upgrade fails if users has rows

-- notes

-- upgrade
ALTER TABLE "users" ADD COLUMN "age" integer NOT NULL;

-- downgrade
ALTER TABLE "users" DROP COLUMN "age";

