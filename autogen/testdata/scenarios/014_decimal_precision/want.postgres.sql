-- 014_decimal_precision
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: changes column products.price from numeric(14,4) to numeric(10,2): large values are rejected
--
-- Changes:
--   modify column products.price: type numeric(10,2) → numeric(14,4)

-- +retort Upgrade
ALTER TABLE "products" ALTER COLUMN "price" TYPE numeric(14,4);

-- +retort Downgrade
ALTER TABLE "products" ALTER COLUMN "price" TYPE numeric(10,2);
