-- changes
-- drop primary key of logs (id)

-- warnings
-- drops the primary key of logs (id)

-- notes

-- upgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_logs` (`id` integer NOT NULL, `msg` varchar(100) NOT NULL);
INSERT INTO `new_logs` (`id`, `msg`) SELECT `id`, `msg` FROM `logs`;
DROP TABLE `logs`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_logs` RENAME TO `logs`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('logs') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('logs')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- downgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_logs` (`id` integer NOT NULL, `msg` varchar(100) NOT NULL, PRIMARY KEY (`id`));
INSERT INTO `new_logs` (`id`, `msg`) SELECT `id`, `msg` FROM `logs`;
DROP TABLE `logs`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_logs` RENAME TO `logs`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('logs') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('logs')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

