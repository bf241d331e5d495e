CREATE TABLE `users` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL, `company_id` integer NULL);
CREATE TABLE `companies` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL, `user_id` integer NULL, CONSTRAINT `fk_users_company` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE NO ACTION ON DELETE NO ACTION);
CREATE TABLE `owners` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `pet_ref` integer NULL);
CREATE TABLE `pets` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL, `pet_ref` integer NULL, CONSTRAINT `fk_owners_pet` FOREIGN KEY (`pet_ref`) REFERENCES `owners` (`id`) ON UPDATE NO ACTION ON DELETE NO ACTION);
