-- 046_check_expression_changed
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changes check chk_price on products (`price` >= 0 and `price` < 100000): the upgrade fails if a row breaks it
-- WARNING: adding the check chk_price to products (the server checks the existing rows by copying the table) copies table products with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- Downgrade WARNING: changes check chk_price on products (`price` > 0): the downgrade fails if a row breaks it
-- Downgrade WARNING: adding the check chk_price to products (the server checks the existing rows by copying the table) copies table products with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   change check chk_price on products to: `price` >= 0 and `price` < 100000

-- +retort Upgrade
ALTER TABLE `products` DROP CONSTRAINT `chk_price`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `products` ADD CONSTRAINT `chk_price` CHECK (`price` >= 0 and `price` < 100000);

-- +retort Downgrade
ALTER TABLE `products` DROP CONSTRAINT `chk_price`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `products` ADD CONSTRAINT `chk_price` CHECK (`price` > 0);
