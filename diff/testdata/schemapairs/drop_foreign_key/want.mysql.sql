-- changes
-- drop index fk_orders_user on orders
-- drop foreign key fk_orders_user on orders

-- warnings

-- notes

-- upgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `orders` DROP INDEX `fk_orders_user`, ALGORITHM=INPLACE, LOCK=NONE;

-- downgrade
ALTER TABLE `orders` ADD INDEX `fk_orders_user` (`user_id`), ALGORITHM=INPLACE, LOCK=NONE;
DROP PROCEDURE IF EXISTS `retort_verify_fk_orders_user`;
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
END;
SET SESSION foreign_key_checks = 0;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
SET SESSION foreign_key_checks = 1;
CALL `retort_verify_fk_orders_user`();
DROP PROCEDURE `retort_verify_fk_orders_user`;

