-- changes
-- add check chk_users_score on users: (score >= 0)
-- add column users.score integer NOT NULL DEFAULT 0

-- warnings
-- adds check chk_users_score on users ((score >= 0)): the upgrade fails if a row breaks it

-- notes

-- upgrade (no transaction)
ALTER TABLE "users" ADD COLUMN "score" integer NOT NULL DEFAULT 0;
ALTER TABLE "users" ADD CONSTRAINT "chk_users_score" CHECK (score >= 0) NOT VALID;
ALTER TABLE "users" VALIDATE CONSTRAINT "chk_users_score";

-- downgrade
ALTER TABLE "users" DROP CONSTRAINT "chk_users_score";
ALTER TABLE "users" DROP COLUMN "score";

