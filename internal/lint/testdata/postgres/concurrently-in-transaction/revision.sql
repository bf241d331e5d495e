-- scenario: concurrently-in-transaction
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
-- fails: the Upgrade section runs in a transaction
CREATE INDEX CONCURRENTLY idx_users_email ON users (email);
-- retort:lint-ignore concurrently-in-transaction shown for the test only
DROP INDEX CONCURRENTLY idx_users_name;

-- +retort Downgrade NoTransaction
DROP INDEX CONCURRENTLY idx_users_email;
