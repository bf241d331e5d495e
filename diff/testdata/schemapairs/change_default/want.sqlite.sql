-- changes
-- modify column settings.level: default 1 → 5
-- modify column settings.label: default 'a' → none

-- warnings

-- notes

-- upgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_settings` (`id` integer NOT NULL, `level` integer NOT NULL DEFAULT 5, `label` varchar(20) NOT NULL, PRIMARY KEY (`id`));
INSERT INTO `new_settings` (`id`, `level`, `label`) SELECT `id`, IFNULL(`level`, 5) AS `level`, `label` FROM `settings`;
DROP TABLE `settings`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_settings` RENAME TO `settings`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('settings') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('settings')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- downgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_settings` (`id` integer NOT NULL, `level` integer NOT NULL DEFAULT 1, `label` varchar(20) NOT NULL DEFAULT 'a', PRIMARY KEY (`id`));
INSERT INTO `new_settings` (`id`, `level`, `label`) SELECT `id`, IFNULL(`level`, 1) AS `level`, IFNULL(`label`, 'a') AS `label` FROM `settings`;
DROP TABLE `settings`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_settings` RENAME TO `settings`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('settings') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('settings')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

