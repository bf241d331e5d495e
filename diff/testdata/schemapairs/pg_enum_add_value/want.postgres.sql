-- changes
-- add value(s) 'ok', 'angry' to enum type mood

-- warnings

-- notes

-- upgrade
ALTER TYPE "mood" ADD VALUE IF NOT EXISTS 'ok' AFTER 'happy';
ALTER TYPE "mood" ADD VALUE IF NOT EXISTS 'angry';

-- downgrade
-- retort: PostgreSQL cannot remove value(s) 'ok', 'angry' from enum type "mood" in place; do it by hand (rename the type, create it anew, ALTER the columns USING col::text::type, drop the old type)

