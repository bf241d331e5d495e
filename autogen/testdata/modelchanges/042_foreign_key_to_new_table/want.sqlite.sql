-- 042_foreign_key_to_new_table
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops table products: all its rows are lost
--
-- Changes:
--   add foreign key fk_orders_product on orders (product_id) references products (id) ON DELETE SET NULL
--   add table products (id integer NOT NULL, name text)

-- +retort Upgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `products` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL);
CREATE TABLE `new_orders` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `product_id` integer NULL, CONSTRAINT `fk_orders_product` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON UPDATE NO ACTION ON DELETE SET NULL);
INSERT INTO `new_orders` (`id`, `product_id`) SELECT `id`, `product_id` FROM `orders`;
DROP TABLE `orders`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_orders` RENAME TO `orders`;
PRAGMA legacy_alter_table = off;
CREATE INDEX `idx_orders_product_id` ON `orders` (`product_id`);
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('orders') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('orders')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- +retort Downgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_orders` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `product_id` integer NULL);
INSERT INTO `new_orders` (`id`, `product_id`) SELECT `id`, `product_id` FROM `orders`;
DROP TABLE `orders`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_orders` RENAME TO `orders`;
PRAGMA legacy_alter_table = off;
CREATE INDEX `idx_orders_product_id` ON `orders` (`product_id`);
DROP TABLE `products`;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('orders', 'products') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('orders', 'products')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;
