-- changes
-- add foreign key fk_stock_warehouse on stock (region, code) references warehouses (region, code) ON DELETE RESTRICT ON UPDATE RESTRICT

-- warnings

-- notes

-- upgrade
DROP PROCEDURE IF EXISTS `retort_verify_fk_stock_warehouse`;
CREATE PROCEDURE `retort_verify_fk_stock_warehouse`()
BEGIN
  DECLARE orphan INT;
  SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
  START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY;
  SELECT EXISTS (SELECT 1 FROM `stock` c WHERE c.`region` IS NOT NULL AND c.`code` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `warehouses` p WHERE p.`region` = c.`region` AND p.`code` = c.`code`)) INTO orphan;
  COMMIT;
  IF orphan THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'foreign key fk_stock_warehouse: rows of stock have no match in warehouses; fix them and run retort upgrade again';
  END IF;
END;
SET SESSION foreign_key_checks = 0;
ALTER TABLE `stock` ADD CONSTRAINT `fk_stock_warehouse` FOREIGN KEY (`region`, `code`) REFERENCES `warehouses` (`region`, `code`) ON UPDATE RESTRICT ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
SET SESSION foreign_key_checks = 1;
CALL `retort_verify_fk_stock_warehouse`();
DROP PROCEDURE `retort_verify_fk_stock_warehouse`;

-- downgrade
ALTER TABLE `stock` DROP FOREIGN KEY `fk_stock_warehouse`, ALGORITHM=INPLACE, LOCK=NONE;

