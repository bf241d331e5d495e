-- scenario: cluster
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET lock_timeout = '5s';
CLUSTER users USING idx_users_email;
-- retort:lint-ignore cluster
CLUSTER audit;

-- +retort Downgrade
SELECT 1;
