-- changes
-- change foreign key fk_orders_user on orders to (user_id) references users (id) ON DELETE CASCADE ON UPDATE RESTRICT (ON DELETE RESTRICT → CASCADE)

-- warnings
-- adding the foreign key fk_orders_user to orders (InnoDB checks the existing rows by copying the table) copies table orders with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead

-- notes

-- upgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE CASCADE;

-- downgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;

