-- 084_key_column_types_widened
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changing the type of column orders.id from int unsigned to bigint unsigned copies table orders with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- WARNING: changing the type of column orders.user_id from int unsigned to bigint unsigned copies table orders with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- WARNING: changing the type of column users.id from int unsigned to bigint unsigned copies table users with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- Downgrade WARNING: changes column orders.id from bigint unsigned to int unsigned: large values are rejected
-- Downgrade WARNING: changes column orders.user_id from bigint unsigned to int unsigned: large values are rejected
-- Downgrade WARNING: changes column users.id from bigint unsigned to int unsigned: large values are rejected
-- Downgrade WARNING: changing the type of column orders.id from bigint unsigned to int unsigned copies table orders with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- Downgrade WARNING: changing the type of column orders.user_id from bigint unsigned to int unsigned copies table orders with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- Downgrade WARNING: changing the type of column users.id from bigint unsigned to int unsigned copies table users with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   modify column orders.id: type int unsigned → bigint unsigned
--   modify column orders.user_id: type int unsigned → bigint unsigned
--   modify column users.id: type int unsigned → bigint unsigned

-- +retort Upgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `orders` MODIFY COLUMN `id` bigint unsigned NOT NULL AUTO_INCREMENT, MODIFY COLUMN `user_id` bigint unsigned NOT NULL;
ALTER TABLE `users` MODIFY COLUMN `id` bigint unsigned NOT NULL AUTO_INCREMENT;
DROP PROCEDURE IF EXISTS `retort_verify_fk_orders_user`;
-- +retort StatementBegin
CREATE PROCEDURE `retort_verify_fk_orders_user`()
BEGIN
  DECLARE orphan INT;
  SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
  START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY;
  SELECT EXISTS (SELECT 1 FROM `orders` c WHERE c.`user_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `users` p WHERE p.`id` = c.`user_id`)) INTO orphan;
  COMMIT;
  IF orphan THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'foreign key fk_orders_user: rows of orders have no match in users; fix them and run retort upgrade again';
  END IF;
END
-- +retort StatementEnd
SET SESSION foreign_key_checks = 0;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
SET SESSION foreign_key_checks = 1;
CALL `retort_verify_fk_orders_user`();
DROP PROCEDURE `retort_verify_fk_orders_user`;

-- +retort Downgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `orders` MODIFY COLUMN `id` int unsigned NOT NULL AUTO_INCREMENT, MODIFY COLUMN `user_id` int unsigned NOT NULL;
ALTER TABLE `users` MODIFY COLUMN `id` int unsigned NOT NULL AUTO_INCREMENT;
DROP PROCEDURE IF EXISTS `retort_verify_fk_orders_user`;
-- +retort StatementBegin
CREATE PROCEDURE `retort_verify_fk_orders_user`()
BEGIN
  DECLARE orphan INT;
  SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
  START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY;
  SELECT EXISTS (SELECT 1 FROM `orders` c WHERE c.`user_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `users` p WHERE p.`id` = c.`user_id`)) INTO orphan;
  COMMIT;
  IF orphan THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'foreign key fk_orders_user: rows of orders have no match in users; fix them and run retort upgrade again';
  END IF;
END
-- +retort StatementEnd
SET SESSION foreign_key_checks = 0;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
SET SESSION foreign_key_checks = 1;
CALL `retort_verify_fk_orders_user`();
DROP PROCEDURE `retort_verify_fk_orders_user`;
