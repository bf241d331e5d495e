-- changes
-- change foreign key fk_orders_user on orders to (user_id) references users (id) ON DELETE CASCADE ON UPDATE RESTRICT (ON DELETE RESTRICT → CASCADE)

-- warnings

-- notes

-- upgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE CASCADE;

-- downgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;

