-- 109_foreign_key_violated_by_rows
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   add foreign key fk_orders_user on orders (user_id) references users (id)

-- +retort Upgrade NoTransaction
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_orders` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `user_id` integer NULL, `total` integer NULL, CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE NO ACTION ON DELETE NO ACTION);
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
CREATE TABLE `new_orders` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `user_id` integer NULL, `total` integer NULL);
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
