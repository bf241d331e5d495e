CREATE TABLE `api_tokens` (`id` text NULL, `label` text NULL, `created_at` datetime NULL, PRIMARY KEY (`id`));
CREATE TABLE `countries` (`code` text NULL, `name` text NOT NULL, PRIMARY KEY (`code`));
CREATE TABLE `invoices` (`year` integer NULL, `number` integer NULL, `total` real NULL, PRIMARY KEY (`year`, `number`));
CREATE TABLE `memberships` (`user_id` integer NULL, `group_id` integer NULL, `role` text NULL, `joined_at` datetime NULL, PRIMARY KEY (`user_id`, `group_id`));
