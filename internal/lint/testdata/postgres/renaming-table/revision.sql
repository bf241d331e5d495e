-- scenario: renaming-table
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET lock_timeout = '5s';
ALTER TABLE users RENAME TO accounts;
-- retort:lint-ignore renaming-table
ALTER TABLE audit RENAME TO audit_log;

-- +retort Downgrade
SELECT 1;
