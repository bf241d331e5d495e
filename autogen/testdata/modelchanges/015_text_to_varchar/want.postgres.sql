-- 015_text_to_varchar
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changes column articles.title from text to character varying(255): text values longer than the new size are cut or rejected
-- WARNING: changing the type of column articles.title from text to character varying(255) rewrites table articles with its reads and writes blocked until the rewrite ends (PostgreSQL has no online form for it): on a big, busy table add a new column, fill it in batches and switch to it instead
--
-- Changes:
--   modify column articles.title: type text → character varying(255)

-- +retort Upgrade
ALTER TABLE "articles" ALTER COLUMN "title" TYPE character varying(255);

-- +retort Downgrade
ALTER TABLE "articles" ALTER COLUMN "title" TYPE text;
