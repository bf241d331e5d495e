-- 107_varchar_to_text
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: changes column articles.title from text to character varying(100): text values longer than the new size are cut or rejected
--
-- Changes:
--   modify column articles.title: type character varying(100) → text

-- +retort Upgrade
ALTER TABLE "articles" ALTER COLUMN "title" TYPE text;

-- +retort Downgrade
ALTER TABLE "articles" ALTER COLUMN "title" TYPE character varying(100);
