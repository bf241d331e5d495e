-- scenario: adding-field-with-default
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();
-- not reported: now() is stable, so PostgreSQL 11+ stores it once
ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
-- retort:lint-ignore adding-field-with-default
ALTER TABLE audit ADD COLUMN seq bigserial;

-- +retort Downgrade
SELECT 1;
