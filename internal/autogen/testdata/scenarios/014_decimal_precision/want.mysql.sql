-- 014_decimal_precision
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: changes column products.price from decimal(14,4) to decimal(10,2): large values are rejected
--
-- Changes:
--   modify column products.price: type decimal(10,2) → decimal(14,4)

-- +retort Upgrade
ALTER TABLE `products` MODIFY COLUMN `price` decimal(14,4) NOT NULL;

-- +retort Downgrade
ALTER TABLE `products` MODIFY COLUMN `price` decimal(10,2) NOT NULL;
