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

-- +retort Upgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
DROP TABLE `authors`;
DROP TABLE `books`;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('authors', 'books') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('authors', 'books')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- +retort Downgrade
CREATE TABLE `authors` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL);
CREATE TABLE `books` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `title` text NULL, `author_id` integer NULL, CONSTRAINT `fk_books_author` FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`) ON UPDATE NO ACTION ON DELETE NO ACTION);
