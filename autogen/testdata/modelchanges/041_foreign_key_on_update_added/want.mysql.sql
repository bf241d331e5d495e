-- 041_foreign_key_on_update_added
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   change foreign key fk_orders_user on orders to (user_id) references users (id) ON DELETE CASCADE ON UPDATE CASCADE (ON UPDATE RESTRICT → CASCADE)

-- +retort Upgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`, ALGORITHM=INPLACE, LOCK=NONE;
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
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE CASCADE ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
SET SESSION foreign_key_checks = 1;
CALL `retort_verify_fk_orders_user`();
DROP PROCEDURE `retort_verify_fk_orders_user`;

-- +retort Downgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`, ALGORITHM=INPLACE, LOCK=NONE;
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
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE;
SET SESSION foreign_key_checks = 1;
CALL `retort_verify_fk_orders_user`();
DROP PROCEDURE `retort_verify_fk_orders_user`;
