-- changes
-- add value(s) 'ok' to enum type mood
-- modify column users.mood: default 'happy' → 'ok'

-- warnings

-- notes

-- upgrade (no transaction)
ALTER TYPE "mood" ADD VALUE IF NOT EXISTS 'ok';
ALTER TABLE "users" ALTER COLUMN "mood" SET DEFAULT 'ok';

-- downgrade
-- retort: PostgreSQL cannot remove value(s) 'ok' from enum type "mood" in place; do it by hand (rename the type, create it anew, ALTER the columns USING col::text::type, drop the old type)
ALTER TABLE "users" ALTER COLUMN "mood" SET DEFAULT 'happy';

