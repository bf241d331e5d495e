CREATE TABLE `companies` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL);
CREATE TABLE `departments` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `code` text NULL, `name` text NULL);
CREATE UNIQUE INDEX `idx_departments_code` ON `departments` (`code`);
CREATE TABLE `employees` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL, `company_id` integer NULL, `backup_company_id` integer NULL, `dept_code` text NULL, CONSTRAINT `fk_employees_company` FOREIGN KEY (`company_id`) REFERENCES `companies` (`id`), CONSTRAINT `fk_employees_backup_company` FOREIGN KEY (`backup_company_id`) REFERENCES `companies` (`id`), CONSTRAINT `fk_employees_department` FOREIGN KEY (`dept_code`) REFERENCES `departments` (`code`) ON UPDATE CASCADE ON DELETE RESTRICT);
