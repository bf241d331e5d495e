-- 042_foreign_key_to_new_table
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: drops table products: all its rows are lost
--
-- Changes:
--   add foreign key fk_orders_product on orders (product_id) references products (id) ON DELETE SET NULL ON UPDATE RESTRICT
--   add table products (id bigint unsigned NOT NULL, name varchar(100))

-- +retort Upgrade
CREATE TABLE `products` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `name` varchar(100) NULL, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
DROP PROCEDURE IF EXISTS `retort_verify_fk_orders_product`;
-- +retort StatementBegin
CREATE PROCEDURE `retort_verify_fk_orders_product`()
BEGIN
  DECLARE orphan INT;
  SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
  START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY;
  SELECT EXISTS (SELECT 1 FROM `orders` c WHERE c.`product_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `products` p WHERE p.`id` = c.`product_id`)) INTO orphan;
  COMMIT;
  IF orphan THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'foreign key fk_orders_product: rows of orders have no match in products; fix them and run retort upgrade again';
  END IF;
END
-- +retort StatementEnd
SET SESSION foreign_key_checks = 0;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_product` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON UPDATE RESTRICT ON DELETE SET NULL, ALGORITHM=INPLACE, LOCK=NONE;
SET SESSION foreign_key_checks = 1;
CALL `retort_verify_fk_orders_product`();
DROP PROCEDURE `retort_verify_fk_orders_product`;

-- +retort Downgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_product`, ALGORITHM=INPLACE, LOCK=NONE;
DROP TABLE `products`;
