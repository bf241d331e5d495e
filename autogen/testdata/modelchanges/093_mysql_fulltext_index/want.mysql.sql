-- 093_mysql_fulltext_index
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changes column articles.body from longtext to varchar(191): text values longer than the new size are cut or rejected
-- WARNING: changing the type of column articles.body from longtext to varchar(191) copies table articles with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- WARNING: building the FULLTEXT index idx_body_ft on articles copies table articles with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- Downgrade WARNING: changing the type of column articles.body from varchar(191) to longtext copies table articles with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   modify column articles.body: type longtext → varchar(191)
--   add index idx_body_ft on articles (body)

-- +retort Upgrade
ALTER TABLE `articles` MODIFY COLUMN `body` varchar(191) NULL, ADD FULLTEXT INDEX `idx_body_ft` (`body`);

-- +retort Downgrade
ALTER TABLE `articles` MODIFY COLUMN `body` longtext NULL, DROP INDEX `idx_body_ft`;
