-- 091_auto_increment_removed
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   modify column tickets.id: AUTO_INCREMENT removed

-- +retort Upgrade
ALTER TABLE `tickets` MODIFY COLUMN `id` bigint unsigned NOT NULL;

-- +retort Downgrade
ALTER TABLE `tickets` MODIFY COLUMN `id` bigint unsigned NOT NULL AUTO_INCREMENT;
