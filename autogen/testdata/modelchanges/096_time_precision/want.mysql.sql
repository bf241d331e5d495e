-- 096_time_precision
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changes column events.at from datetime(3) to datetime(6): values that do not convert make the upgrade fail
-- WARNING: changing the type of column events.at from datetime(3) to datetime(6) copies table events with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- Downgrade WARNING: changes column events.at from datetime(6) to datetime(3): values that do not convert make the downgrade fail
-- Downgrade WARNING: changing the type of column events.at from datetime(6) to datetime(3) copies table events with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   modify column events.at: type datetime(3) → datetime(6)

-- +retort Upgrade
ALTER TABLE `events` MODIFY COLUMN `at` datetime(6) NOT NULL;

-- +retort Downgrade
ALTER TABLE `events` MODIFY COLUMN `at` datetime(3) NOT NULL;
