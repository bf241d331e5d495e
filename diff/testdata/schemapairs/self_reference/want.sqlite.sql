-- changes
-- add column nodes.parent_id integer
-- add foreign key fk_nodes_parent on nodes (parent_id) references nodes (id)

-- warnings

-- notes

-- upgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_nodes` (`id` integer NOT NULL, `parent_id` integer NULL, PRIMARY KEY (`id`), CONSTRAINT `fk_nodes_parent` FOREIGN KEY (`parent_id`) REFERENCES `nodes` (`id`) ON UPDATE NO ACTION ON DELETE NO ACTION);
INSERT INTO `new_nodes` (`id`) SELECT `id` FROM `nodes`;
DROP TABLE `nodes`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_nodes` RENAME TO `nodes`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('nodes') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('nodes')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- downgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_nodes` (`id` integer NOT NULL, PRIMARY KEY (`id`));
INSERT INTO `new_nodes` (`id`) SELECT `id` FROM `nodes`;
DROP TABLE `nodes`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_nodes` RENAME TO `nodes`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('nodes') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('nodes')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

