-- scenario: changing-column-type
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET lock_timeout = '5s';
ALTER TABLE users ALTER COLUMN id TYPE bigint;
ALTER TABLE users ALTER COLUMN name SET DEFAULT '';
-- retort:lint-ignore changing-column-type varchar widening: no rewrite
ALTER TABLE users ALTER COLUMN name TYPE varchar(300);

-- +retort Downgrade
SELECT 1;
