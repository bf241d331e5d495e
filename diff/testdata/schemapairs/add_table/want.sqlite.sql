-- changes
-- add table orders (id integer NOT NULL, user_id integer NOT NULL, total decimal(10,2) NOT NULL DEFAULT 0)

-- warnings

-- notes

-- upgrade
CREATE TABLE `orders` (`id` integer NOT NULL, `user_id` integer NOT NULL, `total` decimal(10,2) NOT NULL DEFAULT 0, PRIMARY KEY (`id`), CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE NO ACTION ON DELETE NO ACTION);

-- downgrade (no transaction)
PRAGMA foreign_keys = off;
BEGIN;
DROP TABLE `orders`;
CREATE TEMP TABLE retort_fk_check (violations INTEGER NOT NULL, CONSTRAINT foreign_key_violations_found CHECK (violations = 0));
INSERT INTO retort_fk_check SELECT count(*) FROM sqlite_master AS t, pragma_foreign_key_check(t.name) WHERE t.type = 'table' AND (t.name COLLATE NOCASE IN ('orders') OR EXISTS (SELECT 1 FROM pragma_foreign_key_list(t.name) AS r WHERE r."table" COLLATE NOCASE IN ('orders')));
DROP TABLE temp.retort_fk_check;
COMMIT;
PRAGMA foreign_keys = on;

