-- 012_int_to_bigint
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changing the type of column counters.value from integer to bigint rewrites table counters with its reads and writes blocked until the rewrite ends (PostgreSQL has no online form for it): on a big, busy table add a new column, fill it in batches and switch to it instead
-- Downgrade WARNING: changes column counters.value from bigint to integer: large values are rejected
-- Downgrade WARNING: changing the type of column counters.value from bigint to integer rewrites table counters with its reads and writes blocked until the rewrite ends (PostgreSQL has no online form for it): on a big, busy table add a new column, fill it in batches and switch to it instead
--
-- Changes:
--   modify column counters.value: type integer → bigint

-- +retort Upgrade
ALTER TABLE "counters" ALTER COLUMN "value" TYPE bigint;

-- +retort Downgrade
ALTER TABLE "counters" ALTER COLUMN "value" TYPE integer;
