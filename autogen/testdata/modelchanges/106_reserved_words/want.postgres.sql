-- 106_reserved_words
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: changes column order.key from character varying(40) to character varying(20): longer values are cut or rejected
-- Downgrade WARNING: drops column order.select: its data is lost
-- Downgrade WARNING: changing the type of column order.key from character varying(40) to character varying(20) rewrites table order with its reads and writes blocked until the rewrite ends (PostgreSQL has no online form for it): on a big, busy table add a new column, fill it in batches and switch to it instead
--
-- Changes:
--   modify column order.key: type character varying(20) → character varying(40)
--   add column order.select boolean NOT NULL DEFAULT false
--   add index idx_order_key on order (key)

-- +retort Upgrade NoTransaction
ALTER TABLE "order" ALTER COLUMN "key" TYPE character varying(40), ADD COLUMN "select" boolean NOT NULL DEFAULT false;
CREATE INDEX CONCURRENTLY "idx_order_key" ON "order" ("key");

-- +retort Downgrade NoTransaction
DROP INDEX CONCURRENTLY "idx_order_key";
ALTER TABLE "order" ALTER COLUMN "key" TYPE character varying(20), DROP COLUMN "select";
