-- changes
-- modify column tickets.id: AUTOINCREMENT added

-- warnings

-- notes

-- upgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_tickets` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `title` varchar(100) NULL);
INSERT INTO `new_tickets` (`id`, `title`) SELECT `id`, `title` FROM `tickets`;
DROP TABLE `tickets`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_tickets` RENAME TO `tickets`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('tickets') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('tickets')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- downgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_tickets` (`id` integer NOT NULL, `title` varchar(100) NULL, PRIMARY KEY (`id`));
INSERT INTO `new_tickets` (`id`, `title`) SELECT `id`, `title` FROM `tickets`;
DROP TABLE `tickets`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_tickets` RENAME TO `tickets`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('tickets') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('tickets')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

