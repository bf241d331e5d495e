-- 106_reserved_words
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: changes column order.key from varchar(40) to varchar(20): longer values are cut or rejected
-- Downgrade WARNING: drops column order.select: its data is lost
-- Downgrade WARNING: changing the type of column order.key from varchar(40) to varchar(20) copies table order with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   modify column order.key: type varchar(20) → varchar(40)
--   add column order.select bool NOT NULL DEFAULT 0
--   add index idx_order_key on order (key)

-- +retort Upgrade
ALTER TABLE `order` ADD COLUMN `select` bool NOT NULL DEFAULT 0, ALGORITHM=INSTANT;
ALTER TABLE `order` MODIFY COLUMN `key` varchar(40) NULL, ADD INDEX `idx_order_key` (`key`), ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
ALTER TABLE `order` MODIFY COLUMN `key` varchar(20) NULL, DROP COLUMN `select`, DROP INDEX `idx_order_key`;
