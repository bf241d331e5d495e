-- 025_primary_key_moved
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: makes column countries.code NOT NULL without a default: the upgrade fails if a row holds NULL
-- WARNING: changes the primary key of countries from (code) to (iso3): the upgrade fails on duplicates, and rebuilds the table
-- Downgrade WARNING: makes column countries.iso3 NOT NULL without a default: the downgrade fails if a row holds NULL
-- Downgrade WARNING: changes the primary key of countries from (iso3) to (code): the downgrade fails on duplicates, and rebuilds the table
--
-- Changes:
--   modify column countries.code: NULL → NOT NULL
--   modify column countries.iso3: NOT NULL → NULL
--   change primary key of countries from (code) to (iso3)

-- +retort Upgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_countries` (`code` text NOT NULL, `iso3` text NULL, `name` text NULL, PRIMARY KEY (`iso3`));
INSERT INTO `new_countries` (`code`, `iso3`, `name`) SELECT `code`, `iso3`, `name` FROM `countries`;
DROP TABLE `countries`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_countries` RENAME TO `countries`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('countries') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('countries')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- +retort Downgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_countries` (`code` text NULL, `iso3` text NOT NULL, `name` text NULL, PRIMARY KEY (`code`));
INSERT INTO `new_countries` (`code`, `iso3`, `name`) SELECT `code`, `iso3`, `name` FROM `countries`;
DROP TABLE `countries`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_countries` RENAME TO `countries`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('countries') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('countries')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;
