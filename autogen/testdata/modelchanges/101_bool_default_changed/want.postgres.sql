-- 101_bool_default_changed
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   modify column settings.enabled: default true → false

-- +retort Upgrade
ALTER TABLE "settings" ALTER COLUMN "enabled" SET DEFAULT false;

-- +retort Downgrade
ALTER TABLE "settings" ALTER COLUMN "enabled" SET DEFAULT true;
