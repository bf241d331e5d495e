-- changes
-- add foreign key fk_stock_warehouse on stock (region, code) references warehouses (region, code)

-- warnings

-- notes

-- upgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_stock` (`id` integer NOT NULL, `region` varchar(8) NULL, `code` integer NULL, `qty` integer NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `fk_stock_warehouse` FOREIGN KEY (`region`, `code`) REFERENCES `warehouses` (`region`, `code`) ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT uq_stock UNIQUE (region, code, id));
INSERT INTO `new_stock` (`id`, `region`, `code`, `qty`) SELECT `id`, `region`, `code`, `qty` FROM `stock`;
DROP TABLE `stock`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_stock` RENAME TO `stock`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('stock') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('stock')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- downgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_stock` (`id` integer NOT NULL, `region` varchar(8) NULL, `code` integer NULL, `qty` integer NOT NULL, PRIMARY KEY (`id`), CONSTRAINT uq_stock UNIQUE (region, code, id));
INSERT INTO `new_stock` (`id`, `region`, `code`, `qty`) SELECT `id`, `region`, `code`, `qty` FROM `stock`;
DROP TABLE `stock`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_stock` RENAME TO `stock`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('stock') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('stock')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

