CREATE TABLE `users` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `name` varchar(100) NULL, `revision` bigint NULL, `created_by` longtext NULL, `nickname` longtext NULL, PRIMARY KEY (`id`));
