-- scenario: require-lock-timeout
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
-- reported once, at the first statement that waits for a lock
ALTER TABLE users ADD COLUMN bio text;
ALTER TABLE users ADD COLUMN site text;

-- +retort Downgrade
SET lock_timeout = '3s';
ALTER TABLE users DROP COLUMN site;
-- retort:lint-ignore drop-column, require-lock-timeout
ALTER TABLE users DROP COLUMN bio;
