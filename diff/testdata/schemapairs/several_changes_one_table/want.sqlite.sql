-- changes
-- add column orders.note varchar(200)
-- drop index idx_orders_total on orders
-- add index idx_orders_user on orders (user_id)
-- add foreign key fk_orders_user on orders (user_id) references users (id)

-- warnings

-- notes

-- upgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_orders` (`id` integer NOT NULL, `user_id` integer NOT NULL, `total` decimal(12,2) NOT NULL DEFAULT 0, `note` varchar(200) NULL, PRIMARY KEY (`id`), CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE NO ACTION ON DELETE NO ACTION);
INSERT INTO `new_orders` (`id`, `user_id`, `total`) SELECT `id`, `user_id`, `total` FROM `orders`;
DROP TABLE `orders`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_orders` RENAME TO `orders`;
PRAGMA legacy_alter_table = off;
CREATE INDEX `idx_orders_user` ON `orders` (`user_id`);
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('orders') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('orders')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

-- downgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
CREATE TABLE `new_orders` (`id` integer NOT NULL, `user_id` integer NOT NULL, `total` decimal(10,2) NOT NULL DEFAULT 0, PRIMARY KEY (`id`));
INSERT INTO `new_orders` (`id`, `user_id`, `total`) SELECT `id`, `user_id`, `total` FROM `orders`;
DROP TABLE `orders`;
PRAGMA legacy_alter_table = on;
ALTER TABLE `new_orders` RENAME TO `orders`;
PRAGMA legacy_alter_table = off;
CREATE INDEX `idx_orders_total` ON `orders` (`total`);
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('orders') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('orders')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

