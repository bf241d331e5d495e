-- scenario: require-concurrent-index-creation
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET lock_timeout = '5s';
-- reported: users exists already
CREATE INDEX idx_users_email ON users (email);
-- not reported: the table is created by this revision
CREATE TABLE events (id bigint PRIMARY KEY, at timestamptz);
CREATE INDEX idx_events_at ON events (at);
-- retort:lint-ignore require-concurrent-index-creation audit has a few rows only
CREATE INDEX idx_audit_at ON audit (at);

-- +retort Downgrade
DROP TABLE events;
