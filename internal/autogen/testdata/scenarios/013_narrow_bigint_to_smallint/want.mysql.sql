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
ALTER TABLE `counters` MODIFY COLUMN `value` smallint NOT NULL;

-- +retort Downgrade
ALTER TABLE `counters` MODIFY COLUMN `value` bigint NOT NULL;
