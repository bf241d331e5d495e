-- scenario: disallowed-unique-constraint
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT uni_users_email UNIQUE (email);
-- the safe form: the index was built CONCURRENTLY by an earlier revision
ALTER TABLE users ADD CONSTRAINT uni_users_name UNIQUE USING INDEX idx_users_name;
-- retort:lint-ignore disallowed-unique-constraint
ALTER TABLE audit ADD PRIMARY KEY (id);

-- +retort Downgrade
SELECT 1;
