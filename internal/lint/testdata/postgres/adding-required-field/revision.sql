-- scenario: adding-required-field
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;
ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';
-- retort:lint-ignore adding-required-field audit is always empty here
ALTER TABLE audit ADD COLUMN kind text NOT NULL;

-- +retort Downgrade
SELECT 1;
