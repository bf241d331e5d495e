-- 014_decimal_precision
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changing the type of column products.price from numeric(10,2) to numeric(14,4) rewrites table products with its reads and writes blocked until the rewrite ends (PostgreSQL has no online form for it): on a big, busy table add a new column, fill it in batches and switch to it instead
-- Downgrade WARNING: changes column products.price from numeric(14,4) to numeric(10,2): large values are rejected
-- Downgrade WARNING: changing the type of column products.price from numeric(14,4) to numeric(10,2) rewrites table products with its reads and writes blocked until the rewrite ends (PostgreSQL has no online form for it): on a big, busy table add a new column, fill it in batches and switch to it instead
--
-- Changes:
--   modify column products.price: type numeric(10,2) → numeric(14,4)

-- +retort Upgrade
ALTER TABLE "products" ALTER COLUMN "price" TYPE numeric(14,4);

-- +retort Downgrade
ALTER TABLE "products" ALTER COLUMN "price" TYPE numeric(10,2);
