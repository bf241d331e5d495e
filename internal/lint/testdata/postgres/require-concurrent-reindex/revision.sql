-- scenario: require-concurrent-reindex
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET lock_timeout = '5s';
REINDEX INDEX idx_users_email;
-- retort:lint-ignore require-concurrent-reindex
REINDEX TABLE audit;

-- +retort Downgrade
SELECT 1;
