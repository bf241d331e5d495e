-- changes
-- add column boxes.area integer GENERATED AS (w * h)

-- warnings

-- notes

-- upgrade
ALTER TABLE `boxes` ADD COLUMN `area` integer NULL AS (w * h) VIRTUAL;

-- downgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_boxes` (`id` integer NOT NULL, `w` integer NOT NULL, `h` integer NOT NULL, PRIMARY KEY (`id`));
INSERT INTO `new_boxes` (`id`, `w`, `h`) SELECT `id`, `w`, `h` FROM `boxes`;
DROP TABLE `boxes`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_boxes` RENAME TO `boxes`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('boxes') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('boxes')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

