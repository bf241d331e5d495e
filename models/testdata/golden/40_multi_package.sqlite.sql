CREATE TABLE `users` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NULL, `updated_at` datetime NULL, `deleted_at` datetime NULL, `email` text NULL);
CREATE INDEX `idx_users_deleted_at` ON `users` (`deleted_at`);
CREATE UNIQUE INDEX `idx_users_email` ON `users` (`email`);
CREATE TABLE `orders` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `number` text NULL, `user_id` integer NULL, CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`));
CREATE UNIQUE INDEX `idx_orders_number` ON `orders` (`number`);
CREATE TABLE `sessions` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `user_id` integer NULL, CONSTRAINT `fk_sessions_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE);
