-- 003_drop_table
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: drops table legacies: all its rows are lost
--
-- Changes:
--   drop table legacies

-- +retort Upgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
DROP TABLE `legacies`;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('legacies') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('legacies')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- +retort Downgrade
CREATE TABLE `legacies` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `data` text NULL);
