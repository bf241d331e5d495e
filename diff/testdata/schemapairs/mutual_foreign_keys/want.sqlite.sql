-- changes
-- add table a (id integer NOT NULL, b_id integer)
-- add table b (id integer NOT NULL, a_id integer)

-- warnings

-- notes

-- upgrade
CREATE TABLE `a` (`id` integer NOT NULL, `b_id` integer NULL, PRIMARY KEY (`id`), CONSTRAINT `fk_a_b` FOREIGN KEY (`b_id`) REFERENCES `b` (`id`) ON UPDATE NO ACTION ON DELETE NO ACTION);
CREATE TABLE `b` (`id` integer NOT NULL, `a_id` integer NULL, PRIMARY KEY (`id`), CONSTRAINT `fk_b_a` FOREIGN KEY (`a_id`) REFERENCES `a` (`id`) ON UPDATE NO ACTION ON DELETE NO ACTION);

-- downgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
DROP TABLE `a`;
DROP TABLE `b`;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('a', 'b') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('a', 'b')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

