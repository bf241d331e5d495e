CREATE TABLE `cats` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `name` varchar(100) NULL, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
CREATE TABLE `dogs` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `name` varchar(100) NULL, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
CREATE TABLE `pictures` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `url` longtext NULL, `imageable_id` bigint unsigned NULL, `imageable_type` longtext NULL, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
CREATE TABLE `toys` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `name` varchar(100) NULL, `owner_id` bigint unsigned NULL, `owner_type` varchar(32) NULL, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
