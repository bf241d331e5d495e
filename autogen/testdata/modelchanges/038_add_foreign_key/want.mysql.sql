-- 038_add_foreign_key
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: adding the foreign key fk_orders_user to orders (InnoDB checks the existing rows by copying the table) copies table orders with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   add foreign key fk_orders_user on orders (user_id) references users (id) ON DELETE RESTRICT ON UPDATE RESTRICT

-- +retort Upgrade
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;

-- +retort Downgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`, ALGORITHM=INPLACE, LOCK=NONE;
