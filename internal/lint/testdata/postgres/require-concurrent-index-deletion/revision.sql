-- scenario: require-concurrent-index-deletion
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET lock_timeout = '5s';
DROP INDEX idx_users_email;
-- retort:lint-ignore require-concurrent-index-deletion audit has a few rows only
DROP INDEX idx_audit_at;

-- +retort Downgrade
SET lock_timeout = '5s';
CREATE TABLE x (a int);
CREATE INDEX idx_x ON x (a);
-- an index created in the same section is not in use
DROP INDEX idx_x;
DROP TABLE x;
