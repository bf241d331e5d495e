-- 051_pg_enum_remove_value
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: enum type mood loses value(s) 'ok': PostgreSQL cannot do this in place, the revision holds a comment to act on by hand
--
-- Changes:
--   remove value(s) 'ok' from enum type mood (by hand: PostgreSQL cannot)

-- +retort Upgrade
-- retort: PostgreSQL cannot remove value(s) 'ok' from enum type "mood" in place; do it by hand (rename the type, create it anew, ALTER the columns USING col::text::type, drop the old type);

-- +retort Downgrade
ALTER TYPE "mood" ADD VALUE IF NOT EXISTS 'ok' AFTER 'happy';
