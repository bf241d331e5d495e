-- 012_int_to_bigint
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: changes column counters.value from bigint to int: large values are rejected
--
-- Changes:
--   modify column counters.value: type int → bigint

-- +retort Upgrade
ALTER TABLE `counters` MODIFY COLUMN `value` bigint NOT NULL;

-- +retort Downgrade
ALTER TABLE `counters` MODIFY COLUMN `value` int NOT NULL;
