CREATE TABLE `cats` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `name` varchar(100) NULL, PRIMARY KEY (`id`));
CREATE TABLE `dogs` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `name` varchar(100) NULL, PRIMARY KEY (`id`));
CREATE TABLE `pictures` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `url` longtext NULL, `imageable_id` bigint unsigned NULL, `imageable_type` longtext NULL, PRIMARY KEY (`id`));
CREATE TABLE `toys` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `name` varchar(100) NULL, `owner_id` bigint unsigned NULL, `owner_type` varchar(32) NULL, PRIMARY KEY (`id`));
