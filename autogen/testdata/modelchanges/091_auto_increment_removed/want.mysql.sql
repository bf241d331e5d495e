-- 091_auto_increment_removed
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changing column tickets.id copies table tickets with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- Downgrade WARNING: changing column tickets.id copies table tickets with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   modify column tickets.id: AUTO_INCREMENT removed

-- +retort Upgrade
ALTER TABLE `tickets` MODIFY COLUMN `id` bigint unsigned NOT NULL;

-- +retort Downgrade
ALTER TABLE `tickets` MODIFY COLUMN `id` bigint unsigned NOT NULL AUTO_INCREMENT;
