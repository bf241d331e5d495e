-- 004_drop_parent_and_child
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: drops table authors: all its rows are lost
-- WARNING: drops table books: all its rows are lost
--
-- Changes:
--   drop table authors
--   drop table books

-- +retort Upgrade
ALTER TABLE `books` DROP FOREIGN KEY `fk_books_author`, ALGORITHM=INPLACE, LOCK=NONE;
DROP TABLE `authors`;
DROP TABLE `books`;

-- +retort Downgrade
CREATE TABLE `authors` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `name` varchar(100) NULL, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci AUTO_INCREMENT 2;
CREATE TABLE `books` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `title` varchar(100) NULL, `author_id` bigint unsigned NULL, PRIMARY KEY (`id`), INDEX `fk_books_author` (`author_id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci AUTO_INCREMENT 2;
ALTER TABLE `books` ADD CONSTRAINT `fk_books_author` FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;
