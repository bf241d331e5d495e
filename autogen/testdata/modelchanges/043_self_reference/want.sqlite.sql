-- 043_self_reference
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   add foreign key fk_employees_manager on employees (manager_id) references employees (id)

-- +retort Upgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_employees` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL, `manager_id` integer NULL, CONSTRAINT `fk_employees_manager` FOREIGN KEY (`manager_id`) REFERENCES `employees` (`id`) ON UPDATE NO ACTION ON DELETE NO ACTION);
INSERT INTO `new_employees` (`id`, `name`, `manager_id`) SELECT `id`, `name`, `manager_id` FROM `employees`;
DROP TABLE `employees`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_employees` RENAME TO `employees`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('employees') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('employees')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- +retort Downgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_employees` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL, `manager_id` integer NULL);
INSERT INTO `new_employees` (`id`, `name`, `manager_id`) SELECT `id`, `name`, `manager_id` FROM `employees`;
DROP TABLE `employees`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_employees` RENAME TO `employees`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('employees') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('employees')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;
