-- 015_text_to_varchar
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changes column articles.title from longtext to varchar(255): text values longer than the new size are cut or rejected
-- WARNING: changing the type of column articles.title from longtext to varchar(255) copies table articles with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- Downgrade WARNING: changing the type of column articles.title from varchar(255) to longtext copies table articles with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   modify column articles.title: type longtext → varchar(255)

-- +retort Upgrade
ALTER TABLE `articles` MODIFY COLUMN `title` varchar(255) NULL;

-- +retort Downgrade
ALTER TABLE `articles` MODIFY COLUMN `title` longtext NULL;
