-- changes
-- remove value(s) 'ok' from enum type mood (by hand: PostgreSQL cannot)

-- warnings
-- enum type mood loses value(s) 'ok': PostgreSQL cannot do this in place, the revision holds a comment to act on by hand

-- notes

-- upgrade
-- retort: PostgreSQL cannot remove value(s) 'ok' from enum type "mood" in place; do it by hand (rename the type, create it anew, ALTER the columns USING col::text::type, drop the old type)

-- downgrade
ALTER TYPE "mood" ADD VALUE IF NOT EXISTS 'ok' AFTER 'happy';

