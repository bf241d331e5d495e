-- 013_narrow_bigint_to_smallint
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changes column counters.value from bigint to smallint: large values are rejected
--
-- Changes:
--   modify column counters.value: type bigint → smallint

-- +retort Upgrade
ALTER TABLE "counters" ALTER COLUMN "value" TYPE smallint;

-- +retort Downgrade
ALTER TABLE "counters" ALTER COLUMN "value" TYPE bigint;
