-- scenario: renaming-column
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET lock_timeout = '5s';
ALTER TABLE users RENAME COLUMN name TO full_name;
ALTER TABLE users RENAME CONSTRAINT chk_a TO chk_b;
-- retort:lint-ignore renaming-column the code reads both since v2
ALTER TABLE audit RENAME at TO happened_at;

-- +retort Downgrade
SELECT 1;
