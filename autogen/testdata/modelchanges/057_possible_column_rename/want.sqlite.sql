-- 057_possible_column_rename
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: drops column users.name: its data is lost
-- WARNING: column users.name is dropped and users.full_name added with the same type: if it is a rename, run again with --rename users.name=full_name, or tag the field retort:"renamed_from:name"
-- Downgrade WARNING: drops column users.full_name: its data is lost
--
-- Changes:
--   drop column users.name
--   add column users.full_name text NOT NULL DEFAULT ""

-- +retort Upgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `full_name` text NOT NULL DEFAULT "");
INSERT INTO `new_users` (`id`) SELECT `id` FROM `users`;
DROP TABLE `users`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_users` RENAME TO `users`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('users') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('users')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- +retort Downgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `name` text NOT NULL DEFAULT (''));
INSERT INTO `new_users` (`id`) SELECT `id` FROM `users`;
DROP TABLE `users`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_users` RENAME TO `users`;
PRAGMA legacy_alter_table = off;
CREATE TABLE `new_users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `name` text NOT NULL);
INSERT INTO `new_users` (`id`, `name`) SELECT `id`, `name` FROM `users`;
DROP TABLE `users`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_users` RENAME TO `users`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('users') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('users')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;
