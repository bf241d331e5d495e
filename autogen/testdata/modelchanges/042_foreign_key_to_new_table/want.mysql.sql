-- 042_foreign_key_to_new_table
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: adding the foreign key fk_orders_product to orders (InnoDB checks the existing rows by copying the table) copies table orders with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- Downgrade WARNING: drops table products: all its rows are lost
--
-- Changes:
--   add foreign key fk_orders_product on orders (product_id) references products (id) ON DELETE SET NULL ON UPDATE RESTRICT
--   add table products (id bigint unsigned NOT NULL, name varchar(100))

-- +retort Upgrade
CREATE TABLE `products` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `name` varchar(100) NULL, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_product` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON UPDATE RESTRICT ON DELETE SET NULL;

-- +retort Downgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_product`, ALGORITHM=INPLACE, LOCK=NONE;
DROP TABLE `products`;
