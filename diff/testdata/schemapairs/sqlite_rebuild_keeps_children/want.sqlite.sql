-- changes
-- add check chk_users_score on users: (score >= 0)
-- add column users.score integer NOT NULL DEFAULT 0

-- warnings
-- adds check chk_users_score on users ((score >= 0)): the upgrade fails if a row breaks it

-- notes

-- upgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_users` (`id` integer NOT NULL, `name` varchar(100) NOT NULL, `score` integer NOT NULL DEFAULT 0, PRIMARY KEY (`id`), CONSTRAINT `chk_users_score` CHECK (score >= 0));
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

-- downgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_users` (`id` integer NOT NULL, `name` varchar(100) NOT NULL, PRIMARY KEY (`id`));
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

