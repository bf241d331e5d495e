-- changes
-- drop index fk_orders_user on orders
-- drop foreign key fk_orders_user on orders

-- warnings

-- notes

-- upgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `orders` DROP INDEX `fk_orders_user`, ALGORITHM=INPLACE, LOCK=NONE;

-- downgrade
ALTER TABLE `orders` ADD INDEX `fk_orders_user` (`user_id`), ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;

