CREATE TABLE `users` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `name` varchar(100) NULL, `company_id` bigint unsigned NULL, PRIMARY KEY (`id`));
CREATE TABLE `companies` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `name` varchar(100) NULL, `user_id` bigint unsigned NULL, PRIMARY KEY (`id`), CONSTRAINT `fk_users_company` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`));
CREATE TABLE `owners` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `pet_ref` bigint unsigned NULL, PRIMARY KEY (`id`));
CREATE TABLE `pets` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `name` varchar(100) NULL, `pet_ref` bigint unsigned NULL, PRIMARY KEY (`id`), CONSTRAINT `fk_owners_pet` FOREIGN KEY (`pet_ref`) REFERENCES `owners` (`id`));
