-- 012_int_to_bigint
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changing the type of column counters.value from int to bigint copies table counters with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- Downgrade WARNING: changes column counters.value from bigint to int: large values are rejected
-- Downgrade WARNING: changing the type of column counters.value from bigint to int copies table counters with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   modify column counters.value: type int → bigint

-- +retort Upgrade
ALTER TABLE `counters` MODIFY COLUMN `value` bigint NOT NULL;

-- +retort Downgrade
ALTER TABLE `counters` MODIFY COLUMN `value` int NOT NULL;
