-- 101_bool_default_changed
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   modify column settings.enabled: default 1 → 0

-- +retort Upgrade
ALTER TABLE `settings` MODIFY COLUMN `enabled` bool NOT NULL DEFAULT 0, ALGORITHM=INSTANT;

-- +retort Downgrade
ALTER TABLE `settings` MODIFY COLUMN `enabled` bool NOT NULL DEFAULT 1, ALGORITHM=INSTANT;
