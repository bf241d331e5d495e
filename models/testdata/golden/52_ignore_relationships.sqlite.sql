CREATE TABLE `badges` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `employee_id` integer NULL, `label` text NULL);
CREATE INDEX `idx_badges_employee_id` ON `badges` (`employee_id`);
CREATE TABLE `employees` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL, `company_id` integer NULL, `manager_id` integer NULL);
CREATE TABLE `projects` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `code` text NULL);
CREATE UNIQUE INDEX `idx_projects_code` ON `projects` (`code`);
