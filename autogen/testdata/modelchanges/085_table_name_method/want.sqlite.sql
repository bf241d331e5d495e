-- 085_table_name_method
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops column app_people.email: its data is lost
--
-- Changes:
--   add column app_people.email text
--   add index idx_app_people_email on app_people (email)

-- +retort Upgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_app_people` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL, `email` text NULL);
INSERT INTO `new_app_people` (`id`, `name`) SELECT `id`, `name` FROM `app_people`;
DROP TABLE `app_people`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_app_people` RENAME TO `app_people`;
PRAGMA legacy_alter_table = off;
CREATE INDEX `idx_app_people_email` ON `app_people` (`email`);
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('app_people') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('app_people')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- +retort Downgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_app_people` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL);
INSERT INTO `new_app_people` (`id`, `name`) SELECT `id`, `name` FROM `app_people`;
DROP TABLE `app_people`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_app_people` RENAME TO `app_people`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('app_people') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('app_people')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;
