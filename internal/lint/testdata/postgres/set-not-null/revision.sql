-- scenario: set-not-null
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET lock_timeout = '5s';
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
-- retort:lint-ignore set-not-null
ALTER TABLE audit ALTER COLUMN at SET NOT NULL;

-- +retort Downgrade
SELECT 1;
