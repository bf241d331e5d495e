-- 107_varchar_to_text
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: changes column articles.title from longtext to varchar(100): text values longer than the new size are cut or rejected
--
-- Changes:
--   modify column articles.title: type varchar(100) → longtext

-- +retort Upgrade
ALTER TABLE `articles` MODIFY COLUMN `title` longtext NULL;

-- +retort Downgrade
ALTER TABLE `articles` MODIFY COLUMN `title` varchar(100) NULL;
