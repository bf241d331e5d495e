CREATE TABLE `counters` (`id` bigint unsigned NOT NULL, `value` bigint NULL, PRIMARY KEY (`id`));
CREATE TABLE `log_entries` (`id` bigint NOT NULL AUTO_INCREMENT, `message` longtext NULL, PRIMARY KEY (`id`));
CREATE TABLE `shards` (`id` int NOT NULL AUTO_INCREMENT, `name` longtext NULL, PRIMARY KEY (`id`));
CREATE TABLE `tickets` (`number` bigint unsigned NOT NULL AUTO_INCREMENT, `subject` varchar(200) NULL, PRIMARY KEY (`number`));
