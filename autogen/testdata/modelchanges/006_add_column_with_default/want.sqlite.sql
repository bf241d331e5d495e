-- 006_add_column_with_default
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops column users.status: its data is lost
-- Downgrade WARNING: drops column users.score: its data is lost
-- Downgrade WARNING: drops column users.active: its data is lost
--
-- Changes:
--   add column users.status text NOT NULL DEFAULT "active"
--   add column users.score integer NOT NULL DEFAULT 0
--   add column users.active numeric NOT NULL DEFAULT true

-- +retort Upgrade
ALTER TABLE `users` ADD COLUMN `status` text NOT NULL DEFAULT "active";
ALTER TABLE `users` ADD COLUMN `score` integer NOT NULL DEFAULT 0;
ALTER TABLE `users` ADD COLUMN `active` numeric NOT NULL DEFAULT true;

-- +retort Downgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
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
