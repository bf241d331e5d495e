-- 018_change_default
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   modify column tasks.state: default "new" → "open"
--   modify column tasks.priority: default none → 5
--   modify column tasks.owner: default "nobody" → none

-- +retort Upgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_tasks` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `state` text NOT NULL DEFAULT "open", `priority` integer NOT NULL DEFAULT 5, `owner` text NULL);
INSERT INTO `new_tasks` (`id`, `state`, `priority`, `owner`) SELECT `id`, IFNULL(`state`, 'open') AS `state`, IFNULL(`priority`, 5) AS `priority`, `owner` FROM `tasks`;
DROP TABLE `tasks`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_tasks` RENAME TO `tasks`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('tasks') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('tasks')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- +retort Downgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_tasks` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `state` text NOT NULL DEFAULT "new", `priority` integer NOT NULL, `owner` text NULL DEFAULT "nobody");
INSERT INTO `new_tasks` (`id`, `state`, `priority`, `owner`) SELECT `id`, IFNULL(`state`, 'new') AS `state`, `priority`, `owner` FROM `tasks`;
DROP TABLE `tasks`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_tasks` RENAME TO `tasks`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('tasks') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('tasks')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;
