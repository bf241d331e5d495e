-- 014_decimal_precision
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changing the type of column products.price from decimal(10,2) to decimal(14,4) copies table products with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- Downgrade WARNING: changes column products.price from decimal(14,4) to decimal(10,2): large values are rejected
-- Downgrade WARNING: changing the type of column products.price from decimal(14,4) to decimal(10,2) copies table products with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   modify column products.price: type decimal(10,2) → decimal(14,4)

-- +retort Upgrade
ALTER TABLE `products` MODIFY COLUMN `price` decimal(14,4) NOT NULL;

-- +retort Downgrade
ALTER TABLE `products` MODIFY COLUMN `price` decimal(10,2) NOT NULL;
