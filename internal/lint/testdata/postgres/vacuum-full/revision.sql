-- scenario: vacuum-full
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade NoTransaction
SET lock_timeout = '5s';
VACUUM FULL users;
VACUUM (ANALYZE) users;
-- retort:lint-ignore vacuum-full
VACUUM (FULL) audit;

-- +retort Downgrade
SELECT 1;
