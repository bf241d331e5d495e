-- 052_mysql_enum_values
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changing the type of column posts.status from enum('draft','published') to enum('draft','published','archived') copies table posts with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- Downgrade WARNING: changes column posts.status from enum('draft','published','archived') to enum('draft','published'): enum value(s) 'archived' are removed: rows holding them make the downgrade fail or are changed
-- Downgrade WARNING: changing the type of column posts.status from enum('draft','published','archived') to enum('draft','published') copies table posts with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   modify column posts.status: type enum('draft','published') → enum('draft','published','archived')

-- +retort Upgrade
ALTER TABLE `posts` MODIFY COLUMN `status` enum('draft','published','archived') NULL DEFAULT 'draft';

-- +retort Downgrade
ALTER TABLE `posts` MODIFY COLUMN `status` enum('draft','published') NULL DEFAULT 'draft';
