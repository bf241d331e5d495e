-- changes
-- modify column orders.user_id: type int → bigint
-- modify column users.id: type int → bigint

-- warnings

-- notes

-- upgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`;
ALTER TABLE `orders` MODIFY COLUMN `user_id` bigint NOT NULL;
ALTER TABLE `users` MODIFY COLUMN `id` bigint NOT NULL;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;

-- downgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`;
ALTER TABLE `orders` MODIFY COLUMN `user_id` int NOT NULL;
ALTER TABLE `users` MODIFY COLUMN `id` int NOT NULL;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;

