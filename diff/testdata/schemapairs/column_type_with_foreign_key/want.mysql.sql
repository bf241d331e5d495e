-- changes
-- modify column orders.user_id: type int → bigint
-- modify column users.id: type int → bigint

-- warnings
-- changing the type of column orders.user_id from int to bigint copies table orders with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- changing the type of column users.id from int to bigint copies table users with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- adding the foreign key fk_orders_user to orders (InnoDB checks the existing rows by copying the table) copies table orders with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead

-- notes

-- upgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `orders` MODIFY COLUMN `user_id` bigint NOT NULL;
ALTER TABLE `users` MODIFY COLUMN `id` bigint NOT NULL;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;

-- downgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `orders` MODIFY COLUMN `user_id` int NOT NULL;
ALTER TABLE `users` MODIFY COLUMN `id` int NOT NULL;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;

