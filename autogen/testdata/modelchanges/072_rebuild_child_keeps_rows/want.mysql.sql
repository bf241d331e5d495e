-- 072_rebuild_child_keeps_rows
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: adding the foreign key fk_orders_user to orders (InnoDB checks the existing rows by copying the table) copies table orders with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
-- Downgrade WARNING: makes column orders.user_id NOT NULL without a default: the downgrade fails if a row holds NULL
-- Downgrade WARNING: adding the foreign key fk_orders_user to orders (InnoDB checks the existing rows by copying the table) copies table orders with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead
--
-- Changes:
--   modify column orders.user_id: NOT NULL → NULL
--   change foreign key fk_orders_user on orders to (user_id) references users (id) ON DELETE SET NULL ON UPDATE RESTRICT (ON DELETE CASCADE → SET NULL)

-- +retort Upgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `orders` MODIFY COLUMN `user_id` bigint unsigned NULL, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE SET NULL;

-- +retort Downgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `orders` MODIFY COLUMN `user_id` bigint unsigned NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE CASCADE;
