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
ALTER TABLE "books" DROP CONSTRAINT "fk_books_author";
DROP TABLE "authors";
DROP TABLE "books";

-- +retort Downgrade
CREATE TABLE "authors" ("id" bigserial NOT NULL, "name" character varying(100) NULL, PRIMARY KEY ("id"));
CREATE TABLE "books" ("id" bigserial NOT NULL, "title" character varying(100) NULL, "author_id" bigint NULL, PRIMARY KEY ("id"));
ALTER TABLE "books" ADD CONSTRAINT "fk_books_author" FOREIGN KEY ("author_id") REFERENCES "authors" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
