-- 107_varchar_to_text
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   modify column articles.title: type varchar(100) → longtext

-- +retort Upgrade
ALTER TABLE `articles` MODIFY COLUMN `title` longtext NULL;

-- +retort Downgrade
ALTER TABLE `articles` MODIFY COLUMN `title` varchar(100) NULL;
