-- scenario: drop-table
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET lock_timeout = '5s';
DROP TABLE sessions;
TRUNCATE audit;
CREATE TABLE tmp_import (a int);
DROP TABLE tmp_import;
-- retort:lint-ignore drop-table replaced by events in 3f2a
DROP TABLE legacy_events;

-- +retort Downgrade
SELECT 1;
