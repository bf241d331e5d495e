CREATE TABLE `users` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `name` text NULL, `member_number` text NULL);
CREATE UNIQUE INDEX `idx_users_member_number` ON `users` (`member_number`);
CREATE TABLE `credit_cards` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `number` text NULL, `user_number` text NULL, CONSTRAINT `fk_users_credit_card` FOREIGN KEY (`user_number`) REFERENCES `users` (`member_number`));
CREATE TABLE `profiles` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `user_id` integer NULL, `bio` text NULL, CONSTRAINT `fk_users_profile` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE CASCADE ON DELETE SET NULL);
