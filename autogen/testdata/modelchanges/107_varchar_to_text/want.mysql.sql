-- 107_varchar_to_text
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changing the type of column articles.title from varchar(100) to longtext copies table articles with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- Downgrade WARNING: changes column articles.title from longtext to varchar(100): text values longer than the new size are cut or rejected
-- Downgrade WARNING: changing the type of column articles.title from longtext to varchar(100) copies table articles with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   modify column articles.title: type varchar(100) → longtext

-- +retort Upgrade
ALTER TABLE `articles` MODIFY COLUMN `title` longtext NULL;

-- +retort Downgrade
ALTER TABLE `articles` MODIFY COLUMN `title` varchar(100) NULL;
