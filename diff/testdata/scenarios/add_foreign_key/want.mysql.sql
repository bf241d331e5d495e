-- changes
-- add index fk_orders_user on orders (user_id)
-- add foreign key fk_orders_user on orders (user_id) references users (id) ON DELETE RESTRICT ON UPDATE RESTRICT

-- warnings

-- notes

-- upgrade
ALTER TABLE `orders` ADD INDEX `fk_orders_user` (`user_id`);
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;

-- downgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`;
ALTER TABLE `orders` DROP INDEX `fk_orders_user`;

