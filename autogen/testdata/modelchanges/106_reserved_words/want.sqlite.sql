-- 106_reserved_words
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops column order.select: its data is lost
--
-- Changes:
--   add column order.select numeric NOT NULL DEFAULT false
--   add index idx_order_key on order (key)

-- +retort Upgrade
ALTER TABLE `order` ADD COLUMN `select` numeric NOT NULL DEFAULT false;
CREATE INDEX `idx_order_key` ON `order` (`key`);

-- +retort Downgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_order` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `key` text NULL);
INSERT INTO `new_order` (`id`, `key`) SELECT `id`, `key` FROM `order`;
DROP TABLE `order`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_order` RENAME TO `order`;
PRAGMA legacy_alter_table = off;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('order') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('order')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;
