-- 043_self_reference
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   add index fk_employees_manager on employees (manager_id)
--   add foreign key fk_employees_manager on employees (manager_id) references employees (id) ON DELETE RESTRICT ON UPDATE RESTRICT

-- +retort Upgrade
ALTER TABLE `employees` ADD INDEX `fk_employees_manager` (`manager_id`), ALGORITHM=INPLACE, LOCK=NONE;
DROP PROCEDURE IF EXISTS `retort_verify_fk_employees_manager`;
-- +retort StatementBegin
CREATE PROCEDURE `retort_verify_fk_employees_manager`()
BEGIN
  DECLARE orphan INT;
  SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
  START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY;
  SELECT EXISTS (SELECT 1 FROM `employees` c WHERE c.`manager_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `employees` p WHERE p.`id` = c.`manager_id`)) INTO orphan;
  COMMIT;
  IF orphan THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'foreign key fk_employees_manager: rows of employees have no match in employees; fix them and run retort upgrade again';
  END IF;
END
-- +retort StatementEnd
SET SESSION foreign_key_checks = 0;
ALTER TABLE `employees` ADD CONSTRAINT `fk_employees_manager` FOREIGN KEY (`manager_id`) REFERENCES `employees` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT, ALGORITHM=INPLACE, LOCK=NONE;
SET SESSION foreign_key_checks = 1;
CALL `retort_verify_fk_employees_manager`();
DROP PROCEDURE `retort_verify_fk_employees_manager`;

-- +retort Downgrade
ALTER TABLE `employees` DROP FOREIGN KEY `fk_employees_manager`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `employees` DROP INDEX `fk_employees_manager`, ALGORITHM=INPLACE, LOCK=NONE;
