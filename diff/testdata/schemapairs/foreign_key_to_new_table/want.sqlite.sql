-- changes
-- add column products.category_id integer
-- add foreign key fk_products_category on products (category_id) references categories (id)
-- add table categories (id integer NOT NULL, label varchar(50) NOT NULL)

-- warnings

-- notes

-- upgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `categories` (`id` integer NOT NULL, `label` varchar(50) NOT NULL, PRIMARY KEY (`id`));
CREATE TABLE `new_products` (`id` integer NOT NULL, `title` varchar(100) NOT NULL, `category_id` integer NULL, PRIMARY KEY (`id`), CONSTRAINT `fk_products_category` FOREIGN KEY (`category_id`) REFERENCES `categories` (`id`) ON UPDATE NO ACTION ON DELETE NO ACTION);
INSERT INTO `new_products` (`id`, `title`) SELECT `id`, `title` FROM `products`;
DROP TABLE `products`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_products` RENAME TO `products`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('products') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('products')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- downgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_products` (`id` integer NOT NULL, `title` varchar(100) NOT NULL, PRIMARY KEY (`id`));
INSERT INTO `new_products` (`id`, `title`) SELECT `id`, `title` FROM `products`;
DROP TABLE `products`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_products` RENAME TO `products`;
PRAGMA legacy_alter_table = off;
DROP TABLE `categories`;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('products', 'categories') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('products', 'categories')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

