-- 072_rebuild_child_keeps_rows
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: makes column orders.user_id NOT NULL without a default: the downgrade fails if a row holds NULL
--
-- Changes:
--   modify column orders.user_id: NOT NULL → NULL
--   change foreign key fk_orders_user on orders to (user_id) references users (id) ON DELETE SET NULL (ON DELETE CASCADE → SET NULL)

-- +retort Upgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_orders` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `user_id` integer NULL, `total` integer NULL, CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE NO ACTION ON DELETE SET NULL);
INSERT INTO `new_orders` (`id`, `user_id`, `total`) SELECT `id`, `user_id`, `total` FROM `orders`;
DROP TABLE `orders`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_orders` RENAME TO `orders`;
PRAGMA legacy_alter_table = off;
CREATE INDEX `idx_orders_user_id` ON `orders` (`user_id`);
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('orders') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('orders')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- +retort Downgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_orders` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `user_id` integer NOT NULL, `total` integer NULL, CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE NO ACTION ON DELETE CASCADE);
INSERT INTO `new_orders` (`id`, `user_id`, `total`) SELECT `id`, `user_id`, `total` FROM `orders`;
DROP TABLE `orders`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_orders` RENAME TO `orders`;
PRAGMA legacy_alter_table = off;
CREATE INDEX `idx_orders_user_id` ON `orders` (`user_id`);
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('orders') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('orders')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;
