-- 084_key_column_types_widened
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- Downgrade WARNING: changes column orders.id from bigint unsigned to int unsigned: large values are rejected
-- Downgrade WARNING: changes column orders.user_id from bigint unsigned to int unsigned: large values are rejected
-- Downgrade WARNING: changes column users.id from bigint unsigned to int unsigned: large values are rejected
--
-- Changes:
--   modify column orders.id: type int unsigned → bigint unsigned
--   modify column orders.user_id: type int unsigned → bigint unsigned
--   modify column users.id: type int unsigned → bigint unsigned

-- +retort Upgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`;
ALTER TABLE `orders` MODIFY COLUMN `id` bigint unsigned NOT NULL AUTO_INCREMENT, MODIFY COLUMN `user_id` bigint unsigned NOT NULL;
ALTER TABLE `users` MODIFY COLUMN `id` bigint unsigned NOT NULL AUTO_INCREMENT;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;

-- +retort Downgrade
ALTER TABLE `orders` DROP FOREIGN KEY `fk_orders_user`;
ALTER TABLE `orders` MODIFY COLUMN `id` int unsigned NOT NULL AUTO_INCREMENT, MODIFY COLUMN `user_id` int unsigned NOT NULL;
ALTER TABLE `users` MODIFY COLUMN `id` int unsigned NOT NULL AUTO_INCREMENT;
ALTER TABLE `orders` ADD CONSTRAINT `fk_orders_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE RESTRICT;
