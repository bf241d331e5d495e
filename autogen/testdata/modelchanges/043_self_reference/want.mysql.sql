-- 043_self_reference
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: adding the foreign key fk_employees_manager to employees (InnoDB checks the existing rows by copying the table) copies table employees with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   add index fk_employees_manager on employees (manager_id)
--   add foreign key fk_employees_manager on employees (manager_id) references employees (id) ON DELETE RESTRICT ON UPDATE RESTRICT

-- +retort Upgrade
ALTER TABLE `employees` ADD INDEX `fk_employees_manager` (`manager_id`), ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `employees` ADD CONSTRAINT `fk_employees_manager` FOREIGN KEY (`manager_id`) REFERENCES `employees` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;

-- +retort Downgrade
ALTER TABLE `employees` DROP FOREIGN KEY `fk_employees_manager`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `employees` DROP INDEX `fk_employees_manager`, ALGORITHM=INPLACE, LOCK=NONE;
