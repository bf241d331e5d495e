-- changes
-- change index idx_people_name on people to (last, first)

-- warnings

-- notes

-- upgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_people` (`id` integer NOT NULL, `first` varchar(50) NOT NULL, `last` varchar(50) NOT NULL, PRIMARY KEY (`id`));
INSERT INTO `new_people` (`id`, `first`, `last`) SELECT `id`, `first`, `last` FROM `people`;
DROP TABLE `people`;
ALTER TABLE `new_people` RENAME TO `people`;
CREATE INDEX `idx_people_name` ON `people` (`last`, `first`);
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- downgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_people` (`id` integer NOT NULL, `first` varchar(50) NOT NULL, `last` varchar(50) NOT NULL, PRIMARY KEY (`id`));
INSERT INTO `new_people` (`id`, `first`, `last`) SELECT `id`, `first`, `last` FROM `people`;
DROP TABLE `people`;
ALTER TABLE `new_people` RENAME TO `people`;
CREATE INDEX `idx_people_name` ON `people` (`first`, `last`);
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

