CREATE TABLE `counters` (`id` bigint unsigned NOT NULL, `value` bigint NULL, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
CREATE TABLE `log_entries` (`id` bigint NOT NULL AUTO_INCREMENT, `message` longtext NULL, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
CREATE TABLE `shards` (`id` int NOT NULL AUTO_INCREMENT, `name` longtext NULL, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
CREATE TABLE `tickets` (`number` bigint unsigned NOT NULL AUTO_INCREMENT, `subject` varchar(200) NULL, PRIMARY KEY (`number`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
