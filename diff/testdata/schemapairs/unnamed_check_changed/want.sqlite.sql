-- changes
-- drop check on stock: (qty >= 0)
-- add check on stock: (qty >= 1)

-- warnings
-- adds check on stock ((qty >= 1)): the upgrade fails if a row breaks it

-- notes

-- upgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_stock` (`id` integer NOT NULL, `qty` integer NOT NULL, PRIMARY KEY (`id`), CHECK (qty >= 1));
INSERT INTO `new_stock` (`id`, `qty`) SELECT `id`, `qty` FROM `stock`;
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
CREATE TABLE `new_stock` (`id` integer NOT NULL, `qty` integer NOT NULL, PRIMARY KEY (`id`), CHECK (qty >= 0));
INSERT INTO `new_stock` (`id`, `qty`) SELECT `id`, `qty` FROM `stock`;
DROP TABLE `stock`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_stock` RENAME TO `stock`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('stock') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('stock')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

