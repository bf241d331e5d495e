-- changes
-- modify column prices.amount: default '0.00' → 0

-- warnings

-- notes

-- upgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_prices` (`id` integer NOT NULL, `amount` decimal(10,2) NOT NULL DEFAULT 0, PRIMARY KEY (`id`));
INSERT INTO `new_prices` (`id`, `amount`) SELECT `id`, IFNULL(`amount`, 0) AS `amount` FROM `prices`;
DROP TABLE `prices`;
ALTER TABLE `new_prices` RENAME TO `prices`;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- downgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_prices` (`id` integer NOT NULL, `amount` decimal(10,2) NOT NULL DEFAULT '0.00', PRIMARY KEY (`id`));
INSERT INTO `new_prices` (`id`, `amount`) SELECT `id`, IFNULL(`amount`, '0.00') AS `amount` FROM `prices`;
DROP TABLE `prices`;
ALTER TABLE `new_prices` RENAME TO `prices`;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

