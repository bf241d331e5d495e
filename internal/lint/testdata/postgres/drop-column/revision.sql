-- scenario: drop-column
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET lock_timeout = '5s';
ALTER TABLE users DROP COLUMN nickname;
ALTER TABLE users DROP CONSTRAINT chk_nickname;
-- retort:lint-ignore destructive unused since v3
ALTER TABLE users DROP COLUMN IF EXISTS legacy;

-- +retort Downgrade
SET lock_timeout = '5s';
-- the downgrade adds the column back: nothing to report
ALTER TABLE users ADD COLUMN nickname text;
