-- 013_narrow_bigint_to_smallint
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changes column counters.value from bigint to smallint: large values are rejected
-- WARNING: changing the type of column counters.value from bigint to smallint rewrites table counters with its reads and writes blocked until the rewrite ends (PostgreSQL has no online form for it): on a big, busy table add a new column, fill it in batches and switch to it instead
-- Downgrade WARNING: changing the type of column counters.value from smallint to bigint rewrites table counters with its reads and writes blocked until the rewrite ends (PostgreSQL has no online form for it): on a big, busy table add a new column, fill it in batches and switch to it instead
--
-- Changes:
--   modify column counters.value: type bigint → smallint

-- +retort Upgrade
ALTER TABLE "counters" ALTER COLUMN "value" TYPE smallint;

-- +retort Downgrade
ALTER TABLE "counters" ALTER COLUMN "value" TYPE bigint;
