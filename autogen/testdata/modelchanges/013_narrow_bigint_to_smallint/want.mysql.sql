-- 013_narrow_bigint_to_smallint
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changes column counters.value from bigint to smallint: large values are rejected
-- WARNING: changing the type of column counters.value from bigint to smallint copies table counters with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- Downgrade WARNING: changing the type of column counters.value from smallint to bigint copies table counters with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   modify column counters.value: type bigint → smallint

-- +retort Upgrade
ALTER TABLE `counters` MODIFY COLUMN `value` smallint NOT NULL;

-- +retort Downgrade
ALTER TABLE `counters` MODIFY COLUMN `value` bigint NOT NULL;
