-- 019_auto_increment_added
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   modify column tickets.id: AUTOINCREMENT added

-- +retort Upgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_tickets` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `title` text NULL);
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

-- +retort Downgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_tickets` (`id` integer NOT NULL, `title` text NULL, PRIMARY KEY (`id`));
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
