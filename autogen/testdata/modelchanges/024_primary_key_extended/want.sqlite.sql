-- 024_primary_key_extended
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changes the primary key of memberships from (user_id) to (user_id, group_id): the upgrade fails on duplicates, and rebuilds the table
-- Downgrade WARNING: makes column memberships.user_id NOT NULL without a default: the downgrade fails if a row holds NULL
-- Downgrade WARNING: makes column memberships.group_id NOT NULL without a default: the downgrade fails if a row holds NULL
-- Downgrade WARNING: changes the primary key of memberships from (user_id, group_id) to (user_id): the downgrade fails on duplicates, and rebuilds the table
--
-- Changes:
--   modify column memberships.user_id: NOT NULL → NULL
--   modify column memberships.group_id: NOT NULL → NULL
--   change primary key of memberships from (user_id) to (user_id, group_id)

-- +retort Upgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_memberships` (`user_id` integer NULL, `group_id` integer NULL, `role` text NULL, PRIMARY KEY (`user_id`, `group_id`));
INSERT INTO `new_memberships` (`user_id`, `group_id`, `role`) SELECT `user_id`, `group_id`, `role` FROM `memberships`;
DROP TABLE `memberships`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_memberships` RENAME TO `memberships`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('memberships') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('memberships')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- +retort Downgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_memberships` (`user_id` integer NOT NULL, `group_id` integer NOT NULL, `role` text NULL, PRIMARY KEY (`user_id`));
INSERT INTO `new_memberships` (`user_id`, `group_id`, `role`) SELECT `user_id`, `group_id`, `role` FROM `memberships`;
DROP TABLE `memberships`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_memberships` RENAME TO `memberships`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('memberships') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('memberships')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;
