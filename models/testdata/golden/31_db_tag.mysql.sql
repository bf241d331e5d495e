CREATE TABLE `contacts` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `name` varchar(100) NULL, `email_address` varchar(191) NULL, `phone_number` varchar(32) NULL, PRIMARY KEY (`id`));
