-- 045_add_check
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: adds check chk_price on products ((price > 0)): the upgrade fails if a row breaks it
--
-- Changes:
--   add check chk_price on products: (price > 0)

-- +retort Upgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_products` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `price` integer NOT NULL, `stock` integer NOT NULL, CONSTRAINT `chk_price` CHECK (price > 0));
INSERT INTO `new_products` (`id`, `price`, `stock`) SELECT `id`, `price`, `stock` FROM `products`;
DROP TABLE `products`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_products` RENAME TO `products`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('products') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('products')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- +retort Downgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_products` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `price` integer NOT NULL, `stock` integer NOT NULL);
INSERT INTO `new_products` (`id`, `price`, `stock`) SELECT `id`, `price`, `stock` FROM `products`;
DROP TABLE `products`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_products` RENAME TO `products`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('products') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('products')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;
