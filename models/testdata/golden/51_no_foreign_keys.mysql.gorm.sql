CREATE TABLE `badges` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `employee_id` bigint unsigned NULL, `label` varchar(32) NULL, PRIMARY KEY (`id`), INDEX `idx_badges_employee_id` (`employee_id`));
CREATE TABLE `companies` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `name` longtext NULL, PRIMARY KEY (`id`));
CREATE TABLE `employee_projects` (`employee_id` bigint unsigned NOT NULL, `project_id` bigint unsigned NOT NULL, PRIMARY KEY (`employee_id`, `project_id`));
CREATE TABLE `employees` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `name` varchar(100) NULL, `company_id` bigint unsigned NULL, `manager_id` bigint unsigned NULL, PRIMARY KEY (`id`));
CREATE TABLE `projects` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `code` varchar(16) NULL, PRIMARY KEY (`id`), UNIQUE INDEX `idx_projects_code` (`code`));
