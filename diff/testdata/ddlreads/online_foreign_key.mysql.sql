-- A foreign key added to an existing table in the online form
-- autogenerate writes (diff/online.go, mysqlForeignKeys): the check
-- procedure made, the key added in place with foreign_key_checks off,
-- the checks back on, the procedure called and dropped. A single key
-- served by an index, one the server makes an index for, a composite key
-- to a unique index, and a self-reference.
CREATE TABLE `users` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `org` int NOT NULL, `code` varchar(20) NOT NULL, `manager_id` bigint unsigned NULL, PRIMARY KEY (`id`), UNIQUE INDEX `uix_users_org_code` (`org`, `code`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
CREATE TABLE `orders` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `user_id` bigint unsigned NULL, `buyer_id` bigint unsigned NOT NULL, `org` int NULL, `code` varchar(20) NULL, PRIMARY KEY (`id`), INDEX `idx_orders_user_id` (`user_id`), INDEX `idx_orders_org_code` (`org`, `code`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
DROP PROCEDURE IF EXISTS `retort_verify_fk_orders_user`;
CREATE PROCEDURE `retort_verify_fk_orders_user`() BEGIN DECLARE orphan INT; SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY; SELECT EXISTS (SELECT 1 FROM `orders` c WHERE c.`user_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `users` p WHERE p.`id` = c.`user_id`)) INTO orphan; COMMIT; IF orphan THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'foreign key fk_orders_user: rows of orders have no match in users; fix them and run retort upgrade again'; END IF; END;
SET SESSION foreign_key_checks = 0;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE SET NULL, ALGORITHM=INPLACE, LOCK=NONE;
SET SESSION foreign_key_checks = 1;
CALL `retort_verify_fk_orders_user`();
DROP PROCEDURE `retort_verify_fk_orders_user`;
DROP PROCEDURE IF EXISTS `retort_verify_fk_orders_buyer`;
DROP PROCEDURE IF EXISTS `retort_verify_fk_orders_org_code`;
CREATE PROCEDURE `retort_verify_fk_orders_buyer`() BEGIN DECLARE orphan INT; SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY; SELECT EXISTS (SELECT 1 FROM `orders` c WHERE c.`buyer_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `users` p WHERE p.`id` = c.`buyer_id`)) INTO orphan; COMMIT; IF orphan THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'foreign key fk_orders_buyer: rows of orders have no match in users; fix them and run retort upgrade again'; END IF; END;
CREATE PROCEDURE `retort_verify_fk_orders_org_code`() BEGIN DECLARE orphan INT; SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY; SELECT EXISTS (SELECT 1 FROM `orders` c WHERE c.`org` IS NOT NULL AND c.`code` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `users` p WHERE p.`org` = c.`org` AND p.`code` = c.`code`)) INTO orphan; COMMIT; IF orphan THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'foreign key fk_orders_org_code: rows of orders have no match in users; fix them and run retort upgrade again'; END IF; END;
SET SESSION foreign_key_checks = 0;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_buyer` FOREIGN KEY (`buyer_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE CASCADE, ADD CONSTRAINT `fk_orders_org_code` FOREIGN KEY (`org`, `code`) REFERENCES `users` (`org`, `code`) ON UPDATE CASCADE ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
SET SESSION foreign_key_checks = 1;
CALL `retort_verify_fk_orders_buyer`();
DROP PROCEDURE `retort_verify_fk_orders_buyer`;
CALL `retort_verify_fk_orders_org_code`();
DROP PROCEDURE `retort_verify_fk_orders_org_code`;
DROP PROCEDURE IF EXISTS `retort_verify_fk_users_manager`;
CREATE PROCEDURE `retort_verify_fk_users_manager`() BEGIN DECLARE orphan INT; SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY; SELECT EXISTS (SELECT 1 FROM `users` c WHERE c.`manager_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `users` p WHERE p.`id` = c.`manager_id`)) INTO orphan; COMMIT; IF orphan THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'foreign key fk_users_manager: rows of users have no match in users; fix them and run retort upgrade again'; END IF; END;
SET SESSION foreign_key_checks = 0;
ALTER TABLE `users` ADD CONSTRAINT `fk_users_manager` FOREIGN KEY (`manager_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE SET NULL, ALGORITHM=INPLACE, LOCK=NONE;
SET SESSION foreign_key_checks = 1;
CALL `retort_verify_fk_users_manager`();
DROP PROCEDURE `retort_verify_fk_users_manager`;
