-- changes
-- add column users.prefs jsonb

-- warnings

-- notes

-- upgrade
ALTER TABLE "users" ADD COLUMN "prefs" jsonb NULL;

-- downgrade
ALTER TABLE "users" DROP COLUMN "prefs";

