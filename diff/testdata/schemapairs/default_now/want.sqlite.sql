-- changes
-- modify column events.at: default none → CURRENT_TIMESTAMP

-- warnings

-- notes

-- upgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_events` (`id` integer NOT NULL, `at` timestamp NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (`id`));
INSERT INTO `new_events` (`id`, `at`) SELECT `id`, `at` FROM `events`;
DROP TABLE `events`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_events` RENAME TO `events`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('events') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('events')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- downgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_events` (`id` integer NOT NULL, `at` timestamp NULL, PRIMARY KEY (`id`));
INSERT INTO `new_events` (`id`, `at`) SELECT `id`, `at` FROM `events`;
DROP TABLE `events`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_events` RENAME TO `events`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('events') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('events')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

