-- 012_int_to_bigint
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: changes column counters.value from bigint to integer: large values are rejected
--
-- Changes:
--   modify column counters.value: type integer → bigint

-- +retort Upgrade
ALTER TABLE "counters" ALTER COLUMN "value" TYPE bigint;

-- +retort Downgrade
ALTER TABLE "counters" ALTER COLUMN "value" TYPE integer;
