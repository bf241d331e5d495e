-- changes
-- change primary key of memberships from (user_id) to (user_id, group_id)

-- warnings
-- changes the primary key of memberships from (user_id) to (user_id, group_id): the upgrade fails on duplicates, and rebuilds the table

-- notes

-- upgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_memberships` (`user_id` integer NOT NULL, `group_id` integer NOT NULL, PRIMARY KEY (`user_id`, `group_id`));
INSERT INTO `new_memberships` (`user_id`, `group_id`) SELECT `user_id`, `group_id` FROM `memberships`;
DROP TABLE `memberships`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_memberships` RENAME TO `memberships`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('memberships') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('memberships')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- downgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_memberships` (`user_id` integer NOT NULL, `group_id` integer NOT NULL, PRIMARY KEY (`user_id`));
INSERT INTO `new_memberships` (`user_id`, `group_id`) SELECT `user_id`, `group_id` FROM `memberships`;
DROP TABLE `memberships`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_memberships` RENAME TO `memberships`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('memberships') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('memberships')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

