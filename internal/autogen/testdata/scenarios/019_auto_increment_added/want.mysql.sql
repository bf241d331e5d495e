-- 019_auto_increment_added
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   modify column tickets.id: AUTO_INCREMENT added

-- +retort Upgrade
ALTER TABLE `tickets` MODIFY COLUMN `id` bigint unsigned NOT NULL AUTO_INCREMENT;

-- +retort Downgrade
ALTER TABLE `tickets` MODIFY COLUMN `id` bigint unsigned NOT NULL;
