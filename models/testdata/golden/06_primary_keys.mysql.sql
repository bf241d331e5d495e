CREATE TABLE `api_tokens` (`id` varchar(36) NOT NULL, `label` longtext NULL, `created_at` datetime(3) NULL, PRIMARY KEY (`id`));
CREATE TABLE `countries` (`code` varchar(2) NOT NULL, `name` varchar(100) NOT NULL, PRIMARY KEY (`code`));
CREATE TABLE `invoices` (`year` bigint NOT NULL, `number` bigint NOT NULL, `total` double NULL, PRIMARY KEY (`year`, `number`));
CREATE TABLE `memberships` (`user_id` bigint unsigned NOT NULL, `group_id` bigint unsigned NOT NULL, `role` varchar(20) NULL, `joined_at` datetime(3) NULL, PRIMARY KEY (`user_id`, `group_id`));
