-- changes
-- add column products.category_id int
-- add index fk_products_category on products (category_id)
-- add foreign key fk_products_category on products (category_id) references categories (id) ON DELETE RESTRICT ON UPDATE RESTRICT
-- add table categories (id int NOT NULL, label varchar(50) NOT NULL)

-- warnings

-- notes

-- upgrade
CREATE TABLE `categories` (`id` int NOT NULL, `label` varchar(50) NOT NULL, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
ALTER TABLE `products` ADD COLUMN `category_id` int NULL, ALGORITHM=INSTANT;
ALTER TABLE `products` ADD INDEX `fk_products_category` (`category_id`), ALGORITHM=INPLACE, LOCK=NONE;
DROP PROCEDURE IF EXISTS `retort_verify_fk_products_category`;
CREATE PROCEDURE `retort_verify_fk_products_category`()
BEGIN
  DECLARE orphan INT;
  SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
  START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY;
  SELECT EXISTS (SELECT 1 FROM `products` c WHERE c.`category_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `categories` p WHERE p.`id` = c.`category_id`)) INTO orphan;
  COMMIT;
  IF orphan THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'foreign key fk_products_category: rows of products have no match in categories; fix them and run retort upgrade again';
  END IF;
END;
SET SESSION foreign_key_checks = 0;
ALTER TABLE `products` ADD CONSTRAINT `fk_products_category` FOREIGN KEY (`category_id`) REFERENCES `categories` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
SET SESSION foreign_key_checks = 1;
CALL `retort_verify_fk_products_category`();
DROP PROCEDURE `retort_verify_fk_products_category`;

-- downgrade
ALTER TABLE `products` DROP FOREIGN KEY `fk_products_category`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `products` DROP INDEX `fk_products_category`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `products` DROP COLUMN `category_id`, ALGORITHM=INSTANT;
DROP TABLE `categories`;

